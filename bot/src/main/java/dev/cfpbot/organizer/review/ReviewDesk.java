package dev.cfpbot.organizer.review;

import dev.cfpbot.channel.Routes;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.OrganizerCommands;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.process.SubmissionLifecycle;
import dev.cfpbot.storage.Storage;
import java.util.Map;

/**
 * The review side wired together, for the chat commands and the board's pages: scores, decisions
 * with their delay, the board's data, who the organizers are, and the digest's review line.
 */
public final class ReviewDesk {
  private final Scores scores;
  private final Decisions decisions;
  private final Board board;
  private final Roster roster;
  private final ReviewSummary summary;
  private final ReviewCommands reviewCommands;
  private final DecisionCommands decisionCommands;

  /**
   * @param lifecycle whose listener is a {@link ReviewListener}
   * @param links personal links to the board; null without a public URL
   */
  public ReviewDesk(
      CfpConfig config,
      Messages messages,
      Storage storage,
      SubmissionLifecycle lifecycle,
      Outbox outbox,
      Map<String, Routes> routes,
      ReviewLinks links) {
    var lang = config.bot().organizerLanguage();
    this.scores = new Scores(config.review(), storage);
    this.decisions = new Decisions(config, messages, storage, lifecycle, outbox);
    this.board = new Board(config, storage);
    this.roster = new Roster(routes);
    this.summary = new ReviewSummary(messages, storage, roster);
    this.reviewCommands = new ReviewCommands(messages, storage, scores, outbox, links, lang);
    this.decisionCommands = new DecisionCommands(messages, storage, decisions, lang);
  }

  /**
   * {@code /review}, {@code /score}, {@code /accept}, {@code /shortlist}, {@code /reject}, {@code
   * /undo}.
   */
  public void registerAll(OrganizerCommands commands) {
    reviewCommands.registerAll(commands);
    decisionCommands.registerAll(commands);
  }

  public Scores scores() {
    return scores;
  }

  public Decisions decisions() {
    return decisions;
  }

  public Board board() {
    return board;
  }

  public Roster roster() {
    return roster;
  }

  public ReviewSummary summary() {
    return summary;
  }
}
