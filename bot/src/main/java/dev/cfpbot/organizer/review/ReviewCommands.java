package dev.cfpbot.organizer.review;

import dev.cfpbot.channel.Inbound;
import dev.cfpbot.conversation.Reply;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.organizer.OrganizerCommands;
import dev.cfpbot.process.Outbox;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.Reviewer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The organizers' review commands in chat: {@code /review} (a personal link to the board, sent to
 * the organizer's own chat, never to a group), {@code /review revoke}, and {@code /score GZ-07 +1
 * comment}.
 */
public final class ReviewCommands {
  private final Messages messages;
  private final Storage storage;
  private final Scores scores;
  private final Outbox outbox;
  private final ReviewLinks links;
  private final Lang lang;

  /**
   * @param links null when no public URL is configured: {@code /review} then says what to set
   */
  public ReviewCommands(
      Messages messages,
      Storage storage,
      Scores scores,
      Outbox outbox,
      ReviewLinks links,
      Lang lang) {
    this.messages = messages;
    this.storage = storage;
    this.scores = scores;
    this.outbox = outbox;
    this.links = links;
    this.lang = lang;
  }

  public void registerAll(OrganizerCommands commands) {
    commands
        .register("review", (tx, in, arg, now) -> review(tx, in, arg, now))
        .register("score", (tx, in, arg, now) -> score(tx, in, arg, now));
  }

  private List<Reply> review(Tx tx, Inbound in, String arg, Instant now) {
    Reviewer reviewer = enroll(tx, in, now);
    if (arg.strip().equalsIgnoreCase("revoke")) {
      storage.reviews().revokeLinks(tx, reviewer.id());
      return List.of(Reply.text(messages.text(lang, "board.revoked")));
    }
    if (links == null) {
      return List.of(Reply.text(messages.text(lang, "board.no_public_url")));
    }
    Lang theirs = Lang.parse(reviewer.language()).orElse(lang);
    Reply link =
        Reply.text(
            messages.text(
                theirs,
                "board.link",
                "url",
                links.link(reviewer),
                "days",
                links.lifetime().toDays()));
    if (in.privateChat()) {
      return List.of(link);
    }
    // The link acts as this organizer: it goes to their own chat with the bot, not the group.
    outbox.send(tx, in.channel(), in.sender().id(), "review-link", link, now);
    return List.of(Reply.text(messages.text(lang, "board.link_sent", "name", name(reviewer))));
  }

  private List<Reply> score(Tx tx, Inbound in, String arg, Instant now) {
    String[] parts = arg.strip().split("\\s+", 3);
    if (parts.length < 2) {
      return List.of(Reply.text(messages.text(lang, "score.usage")));
    }
    Optional<Submission> found = storage.submissions().findByCode(tx, parts[0]);
    if (found.isEmpty()) {
      return List.of(Reply.text(messages.text(lang, "organizer.unknown_code", "code", parts[0])));
    }
    Submission s = found.get();
    Reviewer reviewer = enroll(tx, in, now);
    Scores.Outcome outcome =
        scores.score(tx, s, reviewer, parts[1], parts.length > 2 ? parts[2] : null, now);
    return List.of(Reply.text(answer(tx, in, s, reviewer, outcome)));
  }

  private String answer(
      Tx tx, Inbound in, Submission s, Reviewer reviewer, Scores.Outcome outcome) {
    return switch (outcome.kind()) {
      case NOT_REVIEWABLE ->
          messages.text(
              lang,
              "score.not_reviewable",
              "code",
              s.code(),
              "state",
              messages.text(lang, "state." + s.state().name()));
      case NOT_ON_SCALE -> messages.text(lang, "score.not_on_scale", "scale", scale());
      case TOO_LONG -> messages.text(lang, "score.too_long", "max", Scores.MAX_COMMENT);
      case SCORED -> {
        var tally = storage.reviews().tallies(tx, s.eventId(), reviewer.id()).get(s.id());
        if (!in.privateChat()) {
          // Others in the group have not all scored: say who scored, not what.
          yield messages.text(
              lang,
              "score.noted",
              "name",
              name(reviewer),
              "code",
              s.code(),
              "count",
              tally.count());
        }
        yield messages.text(
            lang,
            "score.saved",
            "code",
            s.code(),
            "score",
            outcome.level().shown() + " " + outcome.level().label().in(lang),
            "count",
            tally.count(),
            "average",
            Board.average(tally.average()));
      }
    };
  }

  private String scale() {
    return String.join(
        " · ",
        scores.config().scale().stream().map(l -> l.shown() + " " + l.label().in(lang)).toList());
  }

  private Reviewer enroll(Tx tx, Inbound in, Instant now) {
    Organizer o = Organizer.of(in, lang);
    return storage.reviews().enroll(tx, o.channel(), o.id(), o.name(), o.lang().code(), now);
  }

  private String name(Reviewer r) {
    return r.name() == null ? messages.text(lang, "board.someone") : r.name();
  }
}
