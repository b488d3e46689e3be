namespace MentorBot.Bot.Matching;

public enum MatchAdministrationError
{
    /// <summary>No such match or person in the coordinator's branches (404: other branches' data is not even confirmed to exist).</summary>
    NotFound,

    /// <summary>The match is not in a state that allows this (approve a started match, end an ended one): 409.</summary>
    WrongStatus,

    /// <summary>The mentor's places are taken and no override reason was given: 409.</summary>
    NoFreePlace,

    /// <summary>The pair breaks a rule no override lifts (other track, blocked, the same person, wrong roles, missing reason): 422.</summary>
    NotAllowed,
}

/// <summary>A coordinator's request the rules refuse; <see cref="StatusCode"/> is the HTTP answer the console should give.</summary>
public sealed class MatchAdministrationException(MatchAdministrationError error, string message) : Exception(message)
{
    public MatchAdministrationError Error { get; } = error;

    public int StatusCode => Error switch
    {
        MatchAdministrationError.NotFound => 404,
        MatchAdministrationError.WrongStatus or MatchAdministrationError.NoFreePlace => 409,
        _ => 422,
    };
}
