package dev.cfpbot.organizer;

import dev.cfpbot.config.EventConfig;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.storage.Tx;
import java.util.Optional;

/**
 * A part of the digest that a feature above this package contributes (the review's progress, for
 * one). The digest asks each section in turn, so features plug in without {@code organizer}
 * depending on them.
 */
@FunctionalInterface
public interface DigestSection {
  /** The section's text for {@code event}, or empty when it has nothing worth saying. */
  Optional<String> text(Tx tx, EventConfig event, Lang lang);
}
