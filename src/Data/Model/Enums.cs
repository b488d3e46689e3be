namespace MentorBot.Data.Model;

// Every enum is stored as snake_case text (see EnumsAsSnakeCaseText), so the database stays readable
// and a reordered member never silently changes stored meaning.

public enum Track { Women, Men, Mixed }

public enum ParticipantRole { Mentee, Mentor }

public enum ParticipantStatus { SigningUp, Active, Paused, Ended, ErasureRequested, Erased }

public enum Channel { Sms, Whatsapp, WebChat, Console }

public enum MessageDirection { Inbound, Outbound }

/// <summary>Who wrote an outbound or inbound message: the person, the bot, or a coordinator who took over.</summary>
public enum MessageAuthor { Participant, Bot, Coordinator, System }

/// <summary>
/// Twilio's lifecycle (queued → sending → sent → delivered/undelivered/failed → read) plus our own received.
/// For an outbound message, queued means waiting in our outbox; sending means Twilio has it (its own
/// queued/accepted/sending), after which only its status callbacks move it on.
/// </summary>
public enum DeliveryStatus { Received, Queued, Sending, Sent, Delivered, Undelivered, Failed, Read }

/// <summary>How an outbound message was handed to the provider (a WhatsApp conversation can end up as SMS).</summary>
public enum DeliveryRoute { Sms, WhatsappFreeText, WhatsappTemplate }

public enum EducationLevel { None, Primary, Secondary, Vocational, ShortHigher, Bachelor, Master, Doctorate }

public enum DanishLevel { None, Beginner, Intermediate, Advanced, Fluent }

public enum ConsentPurpose { Participation, Matching, Surveys, Events }

public enum DialogSessionStatus { Active, Completed, Abandoned, Superseded }

public enum MatchStatus { Requested, PendingApproval, Active, Declined, Expired, Cancelled, Ended }

public enum ActorKind { Participant, Coordinator, System }

public enum MeetingReportTopic { CvApplication, JobSearch, Network, Danish, Education, WorkplaceCulture, Society, Other }

public enum SurveyKind { Start, End, FollowUp }

public enum SurveyInstanceStatus { Sent, InProgress, Completed, Expired, Cancelled }

public enum EventKind { IntroCourse, CollectiveMentoring, Social, Workshop }

public enum RegistrationStatus { Invited, Registered, Declined, Cancelled }

public enum CoordinatorRole { Admin, Coordinator }

/// <summary>Ready: a scheduler-only node decided it goes out now and handed it to the bot nodes, which start its dialog (see src/Scheduler/Worker).</summary>
public enum PromptStatus { Scheduled, Deferred, Sent, Failed, Cancelled, Ready }

public enum HandoverStatus { Requested, TakenOver, Released }
