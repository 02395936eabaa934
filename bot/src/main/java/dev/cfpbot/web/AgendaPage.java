package dev.cfpbot.web;

import dev.cfpbot.channel.HttpRoutes;
import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.i18n.TimeFormat;
import dev.cfpbot.links.CalendarLinks;
import dev.cfpbot.organizer.agenda.Agenda;
import dev.cfpbot.organizer.agenda.AgendaPlanner;
import dev.cfpbot.organizer.agenda.SlotNotices;
import dev.cfpbot.storage.Storage;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * {@code GET /agenda/{event-id}}: the published agenda, for everyone — the speakers' names, the
 * titles and the abstracts, nothing else — one column on a phone. {@code GET /calendar/{token}}: a
 * talk's calendar file, for a signed link sent to its speaker where the channel sends no files.
 */
public final class AgendaPage implements HttpRoutes {
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final String STYLE =
      "<style>ol.agenda{list-style:none;padding:0;margin:16px 0 0}"
          + "ol.agenda li{display:flex;gap:12px;padding:12px 0;border-top:1px solid #eaeef2}"
          + ".at{flex:0 0 3.2em;font-weight:600;color:#0969da}.slot{flex:1;min-width:0}"
          + ".slot h2{font-size:1.05em;margin:0 0 4px}.who{color:#57606a;margin:0 0 6px}"
          + ".abs{margin:0;font-size:.95em;overflow-wrap:anywhere}.pause{color:#57606a}"
          + ".meta{color:#57606a;margin:0}@media(min-width:720px){main{max-width:760px}"
          + ".at{flex-basis:4.5em;font-size:1.1em}}</style>";

  private final CfpConfig config;
  private final Messages messages;
  private final Storage storage;
  private final AgendaPlanner planner;
  private final CalendarLinks links;
  private final Clock clock;

  /**
   * @param links the calendar links' verifier; null: no calendar route
   */
  public AgendaPage(
      CfpConfig config, Messages messages, Storage storage, CalendarLinks links, Clock clock) {
    this.config = config;
    this.messages = messages;
    this.storage = storage;
    this.planner = new AgendaPlanner(config, storage);
    this.links = links;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/agenda/{event}", this::agenda);
    if (links != null) {
      routes.get("/calendar/{token}", this::calendar);
    }
  }

  private void agenda(Context ctx) {
    Optional<EventConfig> event = config.event(ctx.pathParam("event"));
    Optional<Agenda> agenda =
        event.flatMap(
            e ->
                storage
                    .database()
                    .inTransaction(
                        "read published agenda",
                        tx ->
                            storage.agenda().lastPublication(tx, e.id()).isEmpty()
                                ? Optional.<Agenda>empty()
                                : Optional.of(planner.published(tx, e))));
    if (agenda.isEmpty()) {
      Html.send(ctx, 404, "404", Html.both("议程还没有公布。", "The agenda is not out yet."));
      return;
    }
    Lang lang = config.bot().organizerLanguage();
    EventConfig e = agenda.get().event();
    String title = Html.escape(e.title().in(lang));
    StringBuilder b = new StringBuilder(STYLE);
    b.append("<h1 id=\"title\">")
        .append(title)
        .append("</h1><p class=\"meta\">")
        .append(Html.escape(TimeFormat.span(e.startsAt(), e.endsAt(), e.timeZone(), lang)))
        .append("</p>");
    if (e.place() != null) {
      b.append("<p class=\"meta\" id=\"place\">")
          .append(
              Html.escape(messages.text(lang, "agenda.page_place", "place", e.place().in(lang))))
          .append("</p>");
    }
    b.append("<ol class=\"agenda\">");
    for (Agenda.Item item : agenda.get().items()) {
      b.append("<li><span class=\"at\">")
          .append(CLOCK.format(item.slot().start()))
          .append("</span><div class=\"slot\">");
      if (!item.slot().isTalk()) {
        b.append("<p class=\"pause\">").append(Html.escape(item.slot().label())).append("</p>");
      } else if (item.talk() == null
          || item.talk().submission().state() != SubmissionState.CONFIRMED) {
        // A talk declined or withdrawn since: its place is free until the next publication.
        b.append("<p class=\"pause\">")
            .append(Html.escape(messages.text(lang, "agenda.free")))
            .append("</p>");
      } else {
        Agenda.Talk talk = item.talk();
        b.append("<h2>").append(Html.escape(talk.title())).append("</h2>");
        if (!talk.name().isEmpty()) {
          b.append("<p class=\"who\">").append(Html.escape(talk.name())).append("</p>");
        }
        for (String detail : talk.details()) {
          b.append("<p class=\"abs\">").append(Html.escape(detail)).append("</p>");
        }
      }
      b.append("</div></li>");
    }
    b.append("</ol>");
    Html.send(ctx, 200, title, b.toString());
  }

  private void calendar(Context ctx) {
    Optional<String> ics = links.verify(ctx.pathParam("token")).flatMap(this::ics);
    if (ics.isEmpty()) {
      Html.send(ctx, 404, "404", Html.both("链接无效或已过期。", "This link is not valid or has expired."));
      return;
    }
    ctx.status(200)
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "attachment; filename=\"talk.ics\"")
        .contentType("text/calendar; charset=utf-8")
        .result(ics.get().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The calendar file of the talk {@code submissionId} as last published, in its speaker's
   * language.
   */
  private Optional<String> ics(String submissionId) {
    return storage
        .database()
        .inTransaction(
            "read talk's calendar",
            tx -> {
              Optional<Submission> s = storage.submissions().get(tx, submissionId);
              Optional<EventConfig> event = s.flatMap(x -> config.event(x.eventId()));
              if (event.isEmpty()) {
                return Optional.<String>empty();
              }
              Lang lang =
                  storage
                      .speakers()
                      .get(tx, s.get().speakerId())
                      .map(Speaker::language)
                      .flatMap(Lang::parse)
                      .orElse(config.bot().defaultLanguage());
              return planner
                  .published(tx, event.get())
                  .slotOf(submissionId)
                  .map(
                      item ->
                          SlotNotices.calendar(messages, event.get(), item, lang, clock.instant()));
            });
  }
}
