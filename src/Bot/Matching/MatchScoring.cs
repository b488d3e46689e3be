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
        if (mentee.Id == mentor.Id) return MatchScore.Excluded(Exclusion.SamePerson);
        if (mentee.Track != mentor.Track) return MatchScore.Excluded(Exclusion.TrackCrossed);
        if (!mentor.Available) return MatchScore.Excluded(Exclusion.Unavailable);
        switch (history)
        {
            case PairHistory.Blocked: return MatchScore.Excluded(Exclusion.Blocked);
            case PairHistory.Declined: return MatchScore.Excluded(Exclusion.DeclinedBefore);
            case PairHistory.Paired: return MatchScore.Excluded(Exclusion.AlreadyPaired);
        }

        if (mentor.FreePlaces <= 0) return MatchScore.Excluded(Exclusion.NoFreePlace);

        var w = options.Weights;
        var reasons = new List<ReasonPart>();
        void Add(string code, string? value, double points)
        {
            if (points > 0) reasons.Add(new ReasonPart(code, value, points));
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

        if (SameWords(mentee.Profession, mentor.Profession))
        {
            Add(ReasonCodes.SameProfession, null, w.SameProfession);
        }

        if (mentee.EducationLevel is { } hers && mentor.EducationLevel is { } mentors && mentors >= hers)
        {
            Add(ReasonCodes.Education, null, w.Education);
        }

        var offered = mentee.Goals.Where(goal => mentor.Offers.Contains(goal)).Take(3).ToList();
        Add(ReasonCodes.Offers, string.Join(',', offered), offered.Count * w.GoalOffered);

        // Danish is what they will practise, and "other" is not a language two people can share.
        var shared = mentee.Languages.Where(code => code is not "da" and not "other" && mentor.Languages.Contains(code)).ToList();
        if (shared.Count > 0)
        {
            var factor = mentee.DanishLevel is null or DanishLevel.None or DanishLevel.Beginner ? w.LowDanishLanguageFactor : 1;
            Add(ReasonCodes.SharedLanguages, string.Join(',', shared), (w.SharedLanguage + (shared.Count > 1 ? w.SharedLanguage / 2 : 0)) * factor);
        }

        if (mentee.BranchId is not null && mentee.BranchId == mentor.BranchId)
        {
            Add(ReasonCodes.SameBranch, null, w.SameBranch);
        }

        if (SameWords(mentee.City, mentor.City))
        {
            Add(ReasonCodes.SameCity, mentor.City!.Trim(), w.SameCity);
        }

        if (PartnerProgramFor(mentor.PartnerCompany, options) is { } program && mentee.Field is not null && program.Fields.Contains(mentee.Field))
        {
            Add(ReasonCodes.PartnerProgram, program.Code, w.PartnerProgram);
        }

        Add(ReasonCodes.FreeCapacity, null, w.FreeCapacity * mentor.FreePlaces / Math.Max(1, mentor.Capacity));
        if (!mentor.HasHadMatch)
        {
            Add(ReasonCodes.NewMentor, null, w.NewMentor);
        }

        var ordered = reasons.OrderByDescending(r => r.Points).ToList();
        return new MatchScore(Math.Round(ordered.Sum(r => r.Points), 3), ordered, null);
    }

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

    static bool SameWords(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b) && Normalize(a) == Normalize(b);

    // Case, spaces and punctuation differ in what people type: "Novo Nordisk A/S" is "novonordiskas".
    static string Normalize(string text) =>
        new(text.ToLower(CultureInfo.InvariantCulture).Where(char.IsLetterOrDigit).ToArray());
}
