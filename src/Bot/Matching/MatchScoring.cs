using System.Globalization;
using MentorBot.Data.Model;

namespace MentorBot.Bot.Matching;

/// <summary>
/// The scoring model: profile facts in, points and reasons out. Pure (no database, no clock), so every
/// rule is tested by a table row and the same function serves suggestions and the batch proposal.
/// Rules first — never across tracks, never the same person, never a blocked, declined or earlier pair,
/// never a mentor without a free place — then points per reason, weighted by <see cref="MatchingWeights"/>.
/// </summary>
public static class MatchScoring
{
    public static MatchScore Score(MenteeFacts mentee, MentorFacts mentor, PairHistory history, MatchingOptions options)
    {
        var reasons = new List<ReasonPart>();
        if (Evaluate(mentee, mentor, history, options, reasons).Exclusion is { } exclusion)
        {
            return MatchScore.Excluded(exclusion);
        }

        var ordered = reasons.OrderByDescending(r => r.Points).ToList();
        return new MatchScore(Math.Round(ordered.Sum(r => r.Points), 3), ordered, null);
    }

    /// <summary>
    /// Just the points (the batch proposal scores millions of pairs): the same rules as
    /// <see cref="Score"/> without building the reasons; null when the pair is excluded.
    /// </summary>
    public static double? Points(MenteeFacts mentee, MentorFacts mentor, PairHistory history, MatchingOptions options)
    {
        var (exclusion, points) = Evaluate(mentee, mentor, history, options, null);
        return exclusion is null ? Math.Round(points, 3) : null;
    }

    // Local functions and no lambdas: scoring a pair allocates nothing unless reasons are asked for.
    static (Exclusion? Exclusion, double Points) Evaluate(MenteeFacts mentee, MentorFacts mentor, PairHistory history, MatchingOptions options, List<ReasonPart>? reasons)
    {
        if (mentee.Id == mentor.Id) return (Exclusion.SamePerson, 0);
        if (mentee.Track != mentor.Track) return (Exclusion.TrackCrossed, 0);
        if (!mentor.Available) return (Exclusion.Unavailable, 0);
        switch (history)
        {
            case PairHistory.Blocked: return (Exclusion.Blocked, 0);
            case PairHistory.Declined: return (Exclusion.DeclinedBefore, 0);
            case PairHistory.Paired: return (Exclusion.AlreadyPaired, 0);
        }

        if (mentor.FreePlaces <= 0) return (Exclusion.NoFreePlace, 0);

        var w = options.Weights;
        var total = 0.0;
        var explain = reasons is not null;
        void Add(string code, string? value, double points)
        {
            if (points <= 0) return;
            total += points;
            reasons?.Add(new ReasonPart(code, value, points));
        }

        // "other" says nothing about her work, so two "other"s are not the same field.
        if (mentee.Field is { } field && field != "other" && field == mentor.Field)
        {
            Add(ReasonCodes.SameField, field, w.SameField);
        }
        else if (FieldTaxonomy.AreRelated(mentee.Field, mentor.Field))
        {
            Add(ReasonCodes.RelatedField, mentor.Field, w.RelatedField);
        }

        if (mentee.ProfessionKey.Length > 0 && mentee.ProfessionKey == mentor.ProfessionKey)
        {
            Add(ReasonCodes.SameProfession, null, w.SameProfession);
        }

        if (mentee.EducationLevel is { } hers && mentor.EducationLevel is { } mentors && mentors >= hers)
        {
            Add(ReasonCodes.Education, null, w.Education);
        }

        var offered = 0;
        foreach (var goal in mentee.Goals)
        {
            if (offered < 3 && mentor.Offers.Contains(goal)) offered++;
        }

        Add(ReasonCodes.Offers, !explain ? null : OfferedGoals(mentee, mentor), offered * w.GoalOffered);

        // Danish is what they will practise, and "other" is not a language two people can share.
        var shared = 0;
        foreach (var code in mentee.Languages)
        {
            if (code is not "da" and not "other" && mentor.Languages.Contains(code)) shared++;
        }

        if (shared > 0)
        {
            var factor = mentee.DanishLevel is null or DanishLevel.None or DanishLevel.Beginner ? w.LowDanishLanguageFactor : 1;
            Add(ReasonCodes.SharedLanguages, !explain ? null : SharedLanguages(mentee, mentor),
                (w.SharedLanguage + (shared > 1 ? w.SharedLanguage / 2 : 0)) * factor);
        }

        if (mentee.BranchId is not null && mentee.BranchId == mentor.BranchId)
        {
            Add(ReasonCodes.SameBranch, null, w.SameBranch);
        }

        if (mentee.CityKey.Length > 0 && mentee.CityKey == mentor.CityKey)
        {
            Add(ReasonCodes.SameCity, mentor.City!.Trim(), w.SameCity);
        }

        if (mentor.PartnerCompany is not null && mentee.Field is not null
            && mentor.PartnerProgram(options) is { } program && program.Fields.Contains(mentee.Field))
        {
            Add(ReasonCodes.PartnerProgram, program.Code, w.PartnerProgram);
        }

        Add(ReasonCodes.FreeCapacity, null, w.FreeCapacity * mentor.FreePlaces / Math.Max(1, mentor.Capacity));
        if (!mentor.HasHadMatch)
        {
            Add(ReasonCodes.NewMentor, null, w.NewMentor);
        }

        return (null, total);
    }

    static string SharedLanguages(MenteeFacts mentee, MentorFacts mentor) =>
        string.Join(',', mentee.Languages.Where(code => code is not "da" and not "other" && mentor.Languages.Contains(code)));

    static string OfferedGoals(MenteeFacts mentee, MentorFacts mentor) => string.Join(',', mentee.Goals.Where(mentor.Offers.Contains).Take(3));

    /// <summary>The configured program a partner company (as written at signup) belongs to, if any.</summary>
    public static (string Code, IReadOnlyList<string> Fields)? PartnerProgramFor(string? partnerCompany, MatchingOptions options)
    {
        if (string.IsNullOrWhiteSpace(partnerCompany)) return null;
        var key = Normalize(partnerCompany);
        foreach (var (code, fields) in options.PartnerPrograms)
        {
            if (Normalize(code) == key) return (code, fields);
        }

        return null;
    }

    // Case, spaces and punctuation differ in what people type: "Novo Nordisk A/S" is "novonordiskas".
    // Runs for every mentor read (profession and town), so one lowered copy and a span, no LINQ.
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var lowered = text.ToLower(CultureInfo.InvariantCulture);
        Span<char> kept = lowered.Length <= 256 ? stackalloc char[lowered.Length] : new char[lowered.Length];
        var length = 0;
        foreach (var c in lowered)
        {
            if (char.IsLetterOrDigit(c)) kept[length++] = c;
        }

        return length == lowered.Length ? lowered : new string(kept[..length]);
    }
}
