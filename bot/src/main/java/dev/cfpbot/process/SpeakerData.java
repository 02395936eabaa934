package dev.cfpbot.process;

import dev.cfpbot.storage.model.Answer;
import dev.cfpbot.storage.model.Conversation;
import dev.cfpbot.storage.model.HistoryEntry;
import dev.cfpbot.storage.model.Speaker;
import dev.cfpbot.storage.model.Submission;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything stored about one speaker, read in one transaction for {@code /mydata}. */
record SpeakerData(Speaker speaker, Optional<Conversation> conversation, List<Proposal> proposals) {

  /** One submission with its confirmed answers, its pending edits and its history. */
  record Proposal(
      Submission submission,
      Map<String, Answer> answers,
      Map<String, Answer> pending,
      List<HistoryEntry> history) {}
}
