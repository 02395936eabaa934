package dev.cfpbot.storage;

/**
 * The database and its stores, opened together. The stores hold no state of their own; every method
 * takes the transaction it runs in.
 */
public record Storage(
    Database database,
    SpeakerStore speakers,
    ConversationStore conversations,
    SubmissionStore submissions,
    AnswerStore answers,
    InboxStore inbox,
    OutboxStore outbox,
    ScheduleStore schedules,
    InboundQueueStore queue,
    LeaseStore leases,
    CallbackNonceStore callbackNonces,
    UploadLinkStore uploadLinks,
    ReviewStore reviews,
    DecisionNoticeStore decisionNotices,
    AgendaStore agenda)
    implements AutoCloseable {

  public static Storage open(String url, String user, String password, int poolSize) {
    Database database = Database.open(url, user, password, poolSize);
    return new Storage(
        database,
        new SpeakerStore(),
        new ConversationStore(),
        new SubmissionStore(),
        new AnswerStore(database.isPostgres()),
        new InboxStore(),
        new OutboxStore(!database.isEmbedded()),
        new ScheduleStore(),
        new InboundQueueStore(!database.isEmbedded()),
        new LeaseStore(),
        new CallbackNonceStore(database.isPostgres()),
        new UploadLinkStore(),
        new ReviewStore(),
        new DecisionNoticeStore(),
        new AgendaStore());
  }

  /** A private in-memory H2 database, gone when closed: for tests and trials. */
  public static Storage inMemory() {
    return open(
        "jdbc:h2:mem:cfpbot-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4);
  }

  @Override
  public void close() {
    database.close();
  }
}
