package dev.cfpbot.app;

import dev.cfpbot.config.HttpSettings;
import dev.cfpbot.links.CalendarLinks;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.web.review.ReviewTokens;
import java.time.Clock;
import java.time.Duration;

/**
 * The signed links of a run, all under one key ({@code CFPBOT_SECRET} or {@code data/secret.key}):
 * every field is null when there is no public URL, since a link nobody can open is worse than none.
 */
record SignedLinks(
    UploadLinks uploads, DownloadLinks downloads, ReviewTokens reviews, CalendarLinks calendars) {

  /** How long an upload link stays valid. */
  static final Duration UPLOAD_LINK_LIFETIME = Duration.ofDays(7);

  /** How long a link to an export stays valid; the export is deleted after it. */
  static final Duration DOWNLOAD_LINK_LIFETIME = Duration.ofHours(1);

  /** How long an organizer's link to the review board stays valid. */
  static final Duration REVIEW_LINK_LIFETIME = Duration.ofDays(14);

  static SignedLinks of(HttpSettings http, Launch launch, Storage storage) {
    if (http.publicUrl() == null) {
      return new SignedLinks(null, null, null, null);
    }
    byte[] key = SecretKey.load(launch.settings().dataDir(), launch.io().env());
    Clock clock = launch.io().clock();
    String url = http.publicUrl();
    return new SignedLinks(
        new UploadLinks(url, key, clock, UPLOAD_LINK_LIFETIME, storage),
        new DownloadLinks(url, key, clock, DOWNLOAD_LINK_LIFETIME),
        new ReviewTokens(url, key, clock, REVIEW_LINK_LIFETIME),
        new CalendarLinks(url, key, clock));
  }
}
