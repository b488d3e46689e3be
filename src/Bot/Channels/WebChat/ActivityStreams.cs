namespace MentorBot.Bot.Channels.WebChat;

/// <summary>
/// The WebSocket streams open on this node, by conversation. <see cref="Wake"/> is called for every
/// commit that added activities to a conversation, on any node (PostgreSQL NOTIFY, see
/// <see cref="ActivityNotificationListener"/>); each stream then reads what is new itself.
/// </summary>
public sealed class ActivityStreams
{
    readonly Dictionary<Guid, List<Subscription>> _byConversation = [];

    /// <summary>How many streams are open on this node.</summary>
    public int Count
    {
        get
        {
            lock (_byConversation)
            {
                return _byConversation.Values.Sum(list => list.Count);
            }
        }
    }

    public Subscription Subscribe(Guid conversation)
    {
        var subscription = new Subscription(this, conversation);
        lock (_byConversation)
        {
            if (!_byConversation.TryGetValue(conversation, out var list))
            {
                _byConversation[conversation] = list = [];
            }

            list.Add(subscription);
        }

        return subscription;
    }

    public void Wake(Guid conversation)
    {
        lock (_byConversation)
        {
            if (_byConversation.TryGetValue(conversation, out var list))
            {
                list.ForEach(s => s.Wake());
            }
        }
    }

    /// <summary>After the listener lost its connection: notifications may have been missed, so every stream looks again.</summary>
    public void WakeAll()
    {
        lock (_byConversation)
        {
            foreach (var list in _byConversation.Values)
            {
                list.ForEach(s => s.Wake());
            }
        }
    }

    void Remove(Subscription subscription)
    {
        lock (_byConversation)
        {
            if (_byConversation.TryGetValue(subscription.Conversation, out var list) && list.Remove(subscription) && list.Count == 0)
            {
                _byConversation.Remove(subscription.Conversation);
            }
        }
    }

    public sealed class Subscription(ActivityStreams streams, Guid conversation) : IDisposable
    {
        // At most one pending wake-up: three commits while the stream is sending need one more read, not three.
        readonly SemaphoreSlim _pending = new(0, 1);

        public Guid Conversation { get; } = conversation;

        internal void Wake()
        {
            try
            {
                _pending.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }

        /// <summary>True when woken, false when <paramref name="timeout"/> passed first.</summary>
        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _pending.WaitAsync(timeout, ct);

        public void Dispose()
        {
            streams.Remove(this);
            _pending.Dispose();
        }
    }
}
