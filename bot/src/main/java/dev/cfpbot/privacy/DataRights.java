package dev.cfpbot.privacy;

import dev.cfpbot.channel.Capabilities;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.conversation.Effect;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.TurnResult;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.files.PrivateFiles;
import dev.cfpbot.files.UnusedFiles;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The speaker's data rights, where the engine's effects meet storage: a copy of everything stored
 * about them ({@link Effect.ShowData}), and its deletion ({@link Effect.Forget}). Both act on the
 * speaker whose message it is, and the copy goes to that speaker's own chat only.
 */
public final class DataRights {
  private static final Logger log = LoggerFactory.getLogger(DataRights.class);

  /**
   * Copies are written under {@code exports/} as {@code cfp-mydata-<time>-<random>.json}, beside
   * the organizers' exports ({@code cfp-<time>.csv}): whatever deletes old exports deletes them
   * too.
   */
  static final String COPY_PREFIX = "cfp-mydata-";

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final Storage storage;
  private final Tombstones tombstones;
  private final DataReport report;
  private final DataJson json;
  private final Messages messages;
  private final Lang defaultLanguage;
  private final Map<String, Capabilities> capabilities;
  private final Path dataDir;
  private final UnusedFiles unusedFiles;

  /**
   * @param tombstones what becomes of the proposals of a speaker who asks to be forgotten
   * @param capabilities by channel: where files can be sent, the copy comes as a JSON file too
   */
  public DataRights(
      CfpConfig config,
      Messages messages,
      Storage storage,
      Tombstones tombstones,
      Map<String, Capabilities> capabilities,
      Path dataDir) {
    this.storage = storage;
    this.tombstones = tombstones;
    this.report = new DataReport(config, messages);
    this.json = new DataJson(report);
    this.messages = messages;
    this.defaultLanguage = config.bot().defaultLanguage();
    this.capabilities = Map.copyOf(capabilities);
    this.dataDir = dataDir;
    this.unusedFiles = new UnusedFiles(storage, dataDir);
  }

  /**
   * What a turn needs for its data-rights effects, read before its replies are queued.
   *
   * @param result the engine's result, with the copy of the data ahead of its replies
   * @param copyFile where to write the JSON copy; null when there is none to write
   * @param outboxMark the newest message to the speaker before this turn's: forgetting deletes up
   *     to it, and keeps the turn's own confirmation
   */
  public record Prepared(TurnResult result, Path copyFile, byte[] copy, long outboxMark) {}

  /** Reads what the turn's effects need; writes nothing. */
  public Prepared prepare(Tx tx, Speaker speaker, TurnResult result, Instant now) {
    boolean show = result.effects().stream().anyMatch(Effect.ShowData.class::isInstance);
    boolean forget = result.effects().stream().anyMatch(Effect.Forget.class::isInstance);
    long mark = forget ? storage.outbox().lastSeq(tx, speaker.channel(), speaker.externalId()) : 0;
    if (!show) {
      return new Prepared(result, null, null, mark);
    }
    SpeakerData data = read(tx, speaker);
    Lang lang = Lang.parse(speaker.language()).orElse(defaultLanguage);
    List<Reply> replies = new ArrayList<>();
    replies.add(Reply.text(report.text(data, lang)));
    Path file = null;
    byte[] copy = null;
    Capabilities channel = capabilities.get(speaker.channel());
    if (channel != null && channel.files()) {
      copy = json.write(data, now);
      // A random part: two copies in one second must not meet, and a name must not be guessed.
      String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
      file =
          dataDir
              .resolve("exports")
              .resolve(COPY_PREFIX + STAMP.format(now) + "-" + random + ".json");
      FileRef ref =
          new FileRef(
              "cfp-bot-my-data-" + DAY.format(now) + ".json",
              "application/json",
              copy.length,
              null,
              dataDir.relativize(file).toString(),
              null);
      replies.add(new Reply(messages.text(lang, "mydata.json"), List.of(), false, ref));
    }
    replies.addAll(result.replies());
    return new Prepared(
        new TurnResult(result.state(), replies, result.effects()), file, copy, mark);
  }

  /** Writes the JSON copy a turn prepared, readable by the bot's user only from the start. */
  public void writeCopy(Prepared prepared) {
    if (prepared.copyFile() == null) {
      return;
    }
    Path file = prepared.copyFile();
    try {
      PrivateFiles.directory(file.getParent());
      try (OutputStream out = PrivateFiles.create(file)) {
        out.write(prepared.copy());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("write a speaker's copy of their data", e);
    }
  }

  /**
   * Deletes everything stored about {@code speaker}, in the turn's transaction: their drafts, the
   * answers of their proposals (which become tombstones), their conversation and profile, the
   * messages to them (but this turn's), what the inbox kept of their messages and the upload links
   * issued to them. Their files go after the commit, unless someone else's answer has the same
   * file.
   */
  public void forget(Tx tx, Speaker speaker, Prepared prepared, Instant now) {
    List<Submission> submissions = storage.submissions().listBySpeaker(tx, speaker.id());
    List<String> files =
        storage.answers().filePaths(tx, submissions.stream().map(Submission::id).toList());
    List<Submission> kept = tombstones.forget(tx, submissions, "speaker", now);
    storage.submissions().detachSpeaker(tx, speaker.id());
    storage.conversations().delete(tx, speaker.id());
    int sent =
        storage
            .outbox()
            .forgetRecipient(tx, speaker.channel(), speaker.externalId(), prepared.outboxMark());
    int records = storage.inbox().forgetChat(tx, speaker.channel(), speaker.externalId());
    storage.uploadLinks().forgetChat(tx, speaker.channel(), speaker.externalId());
    storage.speakers().delete(tx, speaker.id());
    unusedFiles.deleteAfterCommit(tx, files);
    log.info(
        "speaker {} forgotten: {} proposals kept as tombstones, {} drafts deleted, {} files"
            + " released, {} messages and {} inbox records removed",
        speaker.id(),
        kept.size(),
        submissions.size() - kept.size(),
        files.size(),
        sent,
        records);
  }

  private SpeakerData read(Tx tx, Speaker speaker) {
    List<Submission> submissions = storage.submissions().listBySpeaker(tx, speaker.id());
    var confirmed =
        storage.answers().answersOf(tx, submissions.stream().map(Submission::id).toList(), false);
    List<SpeakerData.Proposal> proposals = new ArrayList<>();
    for (Submission s : submissions) {
      proposals.add(
          new SpeakerData.Proposal(
              s,
              confirmed.getOrDefault(s.id(), Map.of()),
              storage.answers().pending(tx, s.id()),
              storage.submissions().history(tx, s.id())));
    }
    return new SpeakerData(speaker, storage.conversations().find(tx, speaker.id()), proposals);
  }
}
