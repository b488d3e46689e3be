namespace MentorBot.Bot.Dialogs;

/// <summary>
/// Message keys the host renders itself, outside any dialog step: the lines of the summary that the
/// <c>describe_my_data</c> action returns. The locale lint counts these keys as used and checks that
/// they exist in the base language.
/// </summary>
public static class HostKeys
{
    /// <summary>One line per known profile value, in this order, skipping values she has not given.</summary>
    public static class Summary
    {
        public const string RoleMentee = "privacy.summary.role_mentee";
        public const string RoleMentor = "privacy.summary.role_mentor";
        public const string Name = "privacy.summary.name";                      // {value}: profile.display_name
        public const string Branch = "privacy.summary.branch";                  // {value}: label of profile.branch
        public const string City = "privacy.summary.city";
        public const string EducationLevel = "privacy.summary.education_level";
        public const string Field = "privacy.summary.field";
        public const string Profession = "privacy.summary.profession";
        public const string YearsOfExperience = "privacy.summary.years_of_experience";
        public const string Employer = "privacy.summary.employer";
        public const string PartnerCompany = "privacy.summary.partner_company";
        public const string Goals = "privacy.summary.goals";                    // {value}: labels joined with ", "
        public const string Offers = "privacy.summary.offers";
        public const string Languages = "privacy.summary.languages";
        public const string DanishLevel = "privacy.summary.danish_level";
        public const string MentorCapacity = "privacy.summary.mentor_capacity";
        public const string Consent = "privacy.summary.consent";                // {date}: when she gave consent
        public const string Nothing = "privacy.summary.nothing";                // nothing stored at all
    }

    /// <summary>
    /// The question whose option labels name a coded value: the branch code <c>aarhus</c> reads
    /// "Aarhus/Aalborg" in the summary through <c>signup.ask_branch.choice.aarhus</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ValueLabelPrompts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["profile.branch"] = "signup.ask_branch",
        ["profile.education_level"] = "signup.ask_education",
        ["profile.field"] = "signup.ask_field",
        ["profile.goals"] = "signup.ask_goals",
        ["profile.offers"] = "signup.ask_offers",
        ["profile.languages"] = "signup.ask_languages",
        ["profile.danish_level"] = "signup.ask_danish",
    };

    /// <summary>The label key of one code, e.g. (<c>profile.field</c>, <c>it</c>) → <c>signup.ask_field.choice.it</c>.</summary>
    public static string ValueLabel(string target, string code) => $"{ValueLabelPrompts[target]}.choice.{code}";

    /// <summary>Every key in <see cref="Summary"/>.</summary>
    /// <summary>The SMS with a one-time code that the <c>send_phone_code</c> action queues (not a dialog message).</summary>
    public static class PhoneLink
    {
        public const string SmsCode = "link_phone.sms_code";                    // {code}, {minutes}
    }

    /// <summary>
    /// The ready-made replies a coordinator who has taken her over can send in her language (coordinator_replies.yaml),
    /// in the order the console offers them. No placeholders: each reads well on its own.
    /// </summary>
    public static class CoordinatorReplies
    {
        public const string CallTomorrow = "coordinator_replies.call_tomorrow";
        public const string ComeToOffice = "coordinator_replies.come_to_office";
        public const string MentorWillContact = "coordinator_replies.mentor_will_contact";
        public const string Noted = "coordinator_replies.noted";

        public static IReadOnlyList<string> InOrder { get; } = [CallTomorrow, ComeToOffice, MentorWillContact, Noted];
    }

    public static IReadOnlyList<string> All { get; } = new[] { typeof(Summary), typeof(PhoneLink), typeof(CoordinatorReplies) }
        .SelectMany(type => type.GetFields())
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToList();
}
