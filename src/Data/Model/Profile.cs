namespace MentorBot.Data.Model;

/// <summary>What matching needs to know, from signup. Codes (field, goals, offers) refer to the taxonomies in locales/.</summary>
public sealed class Profile
{
    public Guid ParticipantId { get; set; }

    public Participant? Participant { get; set; }

    public EducationLevel? EducationLevel { get; set; }

    /// <summary>Professional field code from the field taxonomy, e.g. <c>it</c>, <c>health</c>.</summary>
    public string? ProfessionalField { get; set; }

    public string? Profession { get; set; }

    public int? YearsOfExperience { get; set; }

    /// <summary>A mentee's goals: job, education, network, danish, career, society (the codes of the signup dialogs).</summary>
    public List<string> Goals { get; set; } = [];

    /// <summary>What a mentor can offer, in the same codes as <see cref="Goals"/>.</summary>
    public List<string> Offers { get; set; } = [];

    /// <summary>Languages spoken besides Danish, as language codes.</summary>
    public List<string> Languages { get; set; } = [];

    public DanishLevel? DanishLevel { get; set; }

    public string? City { get; set; }

    public string? Availability { get; set; }

    /// <summary>How many mentees a mentor takes at once.</summary>
    public int? MentorCapacity { get; set; }

    public string? Employer { get; set; }

    /// <summary>Code of a partner company program (an IT company's mentors for mentees seeking IT jobs).</summary>
    public string? PartnerCompany { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
