package dev.cfpbot.privacy;

import dev.cfpbot.domain.Answer;
import dev.cfpbot.domain.HistoryEntry;
import dev.cfpbot.domain.Speaker;
import dev.cfpbot.domain.Submission;
import dev.cfpbot.storage.rows.Conversation;
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
