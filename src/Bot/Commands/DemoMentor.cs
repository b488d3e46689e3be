using MentorBot.Data.Model;

namespace MentorBot.Bot.Commands;

/// <summary>
/// One made-up mentor of <c>demo-data</c>, a pure function of her number: the same number always gives
/// the same person, whatever N was asked for, so a second run (or a run with a larger N) adds only the
/// numbers that are missing. Her profile exercises every part of the scoring model: a field from the
/// whole taxonomy, an education level, the mentees' languages, 1–3 places, both tracks where a branch
/// has both, and a partner company of a configured program for some of those programs' fields.
/// </summary>
public sealed record DemoMentor(
    int Number,
    string Phone,
    string FirstName,
    Track Track,
    Branch Branch,
    string Field,
    string Profession,
    EducationLevel Education,
    int YearsOfExperience,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Offers,
    int Capacity,
    string? PartnerCompany)
{
    /// <summary>
    /// +45 99 9x xx xx: the demo's own block, for the SMS simulator only. The number is the mentor's
    /// number in the demo, so the block holds 100,000 of them.
    /// </summary>
    public const string PhonePrefix = "+45999";

    public const int MaxNumber = 99_999;

    static readonly string[] WomenNames =
    [
        "Hanne", "Mette", "Karen", "Lone", "Birgitte", "Sofie", "Ida", "Maja", "Anne", "Louise", "Camilla", "Pernille",
        "Susanne", "Kirsten", "Charlotte", "Trine", "Signe", "Marianne", "Lærke", "Helle", "Nadia", "Sara",
    ];

    static readonly string[] MenNames = ["Jens", "Lars", "Søren", "Mads", "Anders", "Rasmus", "Henrik", "Morten", "Jesper", "Niels", "Kasper", "Ali"];

    // Every field of the taxonomy but "other" (which matches nothing), each with jobs a mentor in it has.
    static readonly (string Field, string[] Professions)[] Work =
    [
        ("it", ["Software developer", "IT project manager", "Data analyst", "IT supporter"]),
        ("health", ["Nurse", "Doctor", "Social and health assistant", "Pharmacist"]),
        ("education", ["Teacher", "Pedagogue", "Language teacher"]),
        ("engineering", ["Civil engineer", "Mechanical engineer", "Electrical engineer"]),
        ("business", ["Accountant", "HR partner", "Office manager", "Sales manager"]),
        ("social", ["Social worker", "Job consultant", "Family counsellor"]),
        ("trades", ["Electrician", "Carpenter", "Chef", "Hairdresser"]),
        ("culture", ["Communications advisor", "Journalist", "Librarian"]),
    ];

    // The languages mentees write in (locales/languages.yaml) besides Danish, most of them from the program's largest groups.
    static readonly string[] MenteeLanguages = ["ar", "ar", "fa", "fa", "so", "ti", "uk", "uk", "ru", "tr", "ur", "es", "fr"];

    static readonly string[] OfferCodes = ["job", "education", "network", "danish", "career", "society"];

    static readonly EducationLevel[] HigherEducation =
        [EducationLevel.ShortHigher, EducationLevel.Bachelor, EducationLevel.Bachelor, EducationLevel.Master, EducationLevel.Master, EducationLevel.Doctorate];

    /// <param name="branches">The installation's branches, in a stable order (by code).</param>
    /// <param name="programs">The partner company programs of the configuration (<c>Matching__PartnerPrograms</c>).</param>
    public static DemoMentor For(int number, IReadOnlyList<Branch> branches, IReadOnlyDictionary<string, List<string>> programs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, MaxNumber);
        // Seeded by her number alone: System.Random with a seed is the same sequence on every run and machine.
        var random = new Random(7_000_003 + number);
        var branch = branches[random.Next(branches.Count)];
        // A mixed branch has both tracks; about a third of its mentors are men.
        var track = branch.Track == Track.Mixed && random.Next(3) == 0 ? Track.Men : Track.Women;
        var names = track == Track.Men ? MenNames : WomenNames;

        // Fields go round the taxonomy by number, so every field has mentors however few are made.
        var (field, professions) = Work[number % Work.Length];
        var profession = professions[random.Next(professions.Length)];
        var education = field == "trades" ? EducationLevel.Vocational : HigherEducation[random.Next(HigherEducation.Length)];

        var languages = MenteeLanguages.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).Distinct().ToList();
        if (random.Next(4) != 0)
        {
            languages.Add("en");
        }

        var offers = OfferCodes.OrderBy(_ => random.Next()).Take(random.Next(2, 5)).ToList();
        var programsForField = programs.Where(p => p.Value.Contains(field, StringComparer.OrdinalIgnoreCase)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        var partner = programsForField.Count > 0 && random.Next(2) == 0 ? programsForField[random.Next(programsForField.Count)] : null;

        return new DemoMentor(
            number, $"{PhonePrefix}{number:D5}", names[random.Next(names.Length)], track, branch, field, profession, education,
            random.Next(3, 30), languages, offers, random.Next(1, 4), partner);
    }

    /// <summary>Her rows: an active, consented participant with a full mentor profile.</summary>
    public Participant ToParticipant(DateTimeOffset now)
    {
        var mentor = new Participant
        {
            BranchId = Branch.Id, Role = ParticipantRole.Mentor, Track = Track, PreferredLanguage = "da",
            DisplayName = FirstName, Phone = Phone, Status = ParticipantStatus.Active, CreatedAt = now, UpdatedAt = now,
            Profile = new Profile
            {
                ProfessionalField = Field, Profession = Profession, EducationLevel = Education, YearsOfExperience = YearsOfExperience,
                City = Branch.City, Languages = [.. Languages], Offers = [.. Offers], MentorCapacity = Capacity,
                DanishLevel = DanishLevel.Fluent, Employer = PartnerCompany, PartnerCompany = PartnerCompany, UpdatedAt = now,
            },
        };
        mentor.Consents.Add(new Consent { Purpose = ConsentPurpose.Participation, TextVersion = "consent.v1", Language = "da", Channel = Channel.Console, GivenAt = now });
        return mentor;
    }

    /// <summary>The fields of the taxonomy the demo covers (all but <c>other</c>).</summary>
    public static IReadOnlyList<string> Fields => [.. Work.Select(w => w.Field)];
}
