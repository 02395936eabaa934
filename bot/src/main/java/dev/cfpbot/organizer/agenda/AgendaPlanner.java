package dev.cfpbot.organizer.agenda;

import dev.cfpbot.config.CfpConfig;
import dev.cfpbot.config.EventConfig;
import dev.cfpbot.config.ProgrammeSlot;
import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.domain.SubmissionState;
import dev.cfpbot.form.Field;
import dev.cfpbot.form.Form;
import dev.cfpbot.storage.ReviewStore;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import dev.cfpbot.storage.rows.PublishedTalk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Puts the confirmed talks in the programme's talk slots: where organizers placed them ({@code
 * /agenda move}, or the last publication), the rest by the board's average score (highest first,
 * unscored last, then in the order they came in). A talk no longer confirmed leaves its slot to the
 * best talk not yet placed.
 */
public final class AgendaPlanner {
  private final CfpConfig config;
  private final Storage storage;

  public AgendaPlanner(CfpConfig config, Storage storage) {
    this.config = config;
    this.storage = storage;
  }

  /** The agenda as it would be published now. */
  public Agenda plan(Tx tx, EventConfig event) {
    Map<String, Submission> confirmed =
        storage.submissions().listSubmitted(tx, event.id()).stream()
            .filter(s -> s.state() == SubmissionState.CONFIRMED)
            .collect(
                Collectors.toMap(
                    Submission::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Map<String, ReviewStore.Tally> tallies = storage.reviews().tallies(tx, event.id(), "");
    List<Submission> byScore = new ArrayList<>(confirmed.values());
    byScore.sort(
        Comparator.comparing(
                (Submission s) ->
                    tallies.containsKey(s.id()) ? -tallies.get(s.id()).average() : 1e9)
            .thenComparing(Submission::number));
    Map<Integer, String> placed = new HashMap<>(storage.agenda().slots(tx, event.id()));
    placed.values().removeIf(id -> !confirmed.containsKey(id));
    byScore.removeIf(s -> placed.containsValue(s.id()));
    Map<Integer, Submission> bySlot = new HashMap<>();
    int talkSlots = (int) event.slots().stream().filter(ProgrammeSlot::isTalk).count();
    for (int n = 1; n <= talkSlots; n++) {
      String id = placed.get(n);
      Submission s = id != null ? confirmed.get(id) : byScore.isEmpty() ? null : byScore.remove(0);
      if (s != null) {
        bySlot.put(n, s);
      }
    }
    // Talks placed in slots the programme no longer has wait with the others.
    placed.entrySet().stream()
        .filter(e -> e.getKey() > talkSlots)
        .forEach(e -> byScore.add(confirmed.get(e.getValue())));
    return build(tx, event, bySlot, byScore);
  }

  /**
   * The agenda as last published (without the talks of speakers who had their data deleted since);
   * empty slots when it never was.
   */
  public Agenda published(Tx tx, EventConfig event) {
    Map<Integer, Submission> bySlot = new HashMap<>();
    for (PublishedTalk p : storage.agenda().published(tx, event.id())) {
      storage
          .submissions()
          .get(tx, p.submissionId())
          .filter(s -> s.state() != SubmissionState.DELETED)
          .ifPresent(s -> bySlot.put(p.slot(), s));
    }
    return build(tx, event, bySlot, List.of());
  }

  /**
   * Moves {@code s} to talk slot {@code position} of the plan, the others keeping their order, and
   * keeps that order.
   */
  public void move(Tx tx, EventConfig event, Submission s, int position) {
    Agenda now = plan(tx, event);
    List<String> order = new ArrayList<>();
    now.items().stream()
        .filter(i -> i.number() > 0)
        .forEach(i -> order.add(i.talk() == null ? null : i.talk().submission().id()));
    now.waiting().forEach(t -> order.add(t.submission().id()));
    int slots = (int) now.items().stream().filter(i -> i.number() > 0).count();
    order.remove(s.id());
    order.add(Math.max(0, Math.min(position, slots) - 1), s.id());
    keep(tx, event, order, slots);
  }

  /** Keeps the talks of {@code agenda} in the slots they have. */
  public void keep(Tx tx, Agenda agenda) {
    List<String> order = new ArrayList<>();
    agenda.items().stream()
        .filter(i -> i.number() > 0)
        .forEach(i -> order.add(i.talk() == null ? null : i.talk().submission().id()));
    keep(tx, agenda.event(), order, order.size());
  }

  private void keep(Tx tx, EventConfig event, List<String> order, int slots) {
    Map<Integer, String> kept = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(slots, order.size()); i++) {
      if (order.get(i) != null) {
        kept.put(i + 1, order.get(i));
      }
    }
    storage.agenda().replaceSlots(tx, event.id(), kept);
  }

  private Agenda build(
      Tx tx, EventConfig event, Map<Integer, Submission> bySlot, List<Submission> waiting) {
    Form form = config.formOf(event);
    List<String> ids = new ArrayList<>(bySlot.values().stream().map(Submission::id).toList());
    waiting.stream().filter(Objects::nonNull).forEach(s -> ids.add(s.id()));
    Map<String, Map<String, Answer>> answers = storage.answers().answersOf(tx, ids, false);
    List<Agenda.Item> items = new ArrayList<>();
    int n = 0;
    for (ProgrammeSlot slot : event.slots()) {
      if (!slot.isTalk()) {
        items.add(new Agenda.Item(slot, 0, null));
        continue;
      }
      n++;
      Submission s = bySlot.get(n);
      items.add(
          new Agenda.Item(
              slot, n, s == null ? null : talk(form, s, answers.getOrDefault(s.id(), Map.of()))));
    }
    List<Agenda.Talk> rest =
        waiting.stream()
            .filter(Objects::nonNull)
            .map(s -> talk(form, s, answers.getOrDefault(s.id(), Map.of())))
            .toList();
    return new Agenda(event, items, rest);
  }

  /** Only the public fields: the name, the title and the rest (the abstract). */
  private static Agenda.Talk talk(Form form, Submission s, Map<String, Answer> answers) {
    String titleId = form.titleField().map(Field::id).orElse(null);
    String name = "";
    String title = "";
    List<String> details = new ArrayList<>();
    for (String id : form.publicFieldIds()) {
      Answer a = answers.get(id);
      String text = a == null || a.text() == null ? "" : a.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (id.equals(titleId)) {
        title = text;
      } else if (name.isEmpty() && id.equals("name")) {
        name = text;
      } else {
        details.add(text);
      }
    }
    return new Agenda.Talk(s, name, title, details);
  }
}
