package dev.cfpbot.channel.wechat;

import dev.cfpbot.conversation.Reply;
import dev.cfpbot.conversation.UploadRequest;
import dev.cfpbot.domain.FileRef;
import dev.cfpbot.i18n.Lang;
import dev.cfpbot.i18n.Messages;
import dev.cfpbot.links.DownloadLinks;
import dev.cfpbot.links.UploadLinks;
import dev.cfpbot.storage.Storage;
import dev.cfpbot.storage.Tx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What WeChat cannot carry, as links in the text: the personal upload page where a question asks
 * for the slides (an Official Account cannot receive files), a download link for an export.
 */
final class WechatLinks {
  private final Storage storage;
  private final Messages messages;
  private final Lang defaultLanguage;
  private final Lang organizerLanguage;
  private final UploadLinks uploads;
  private final DownloadLinks downloads;

  /**
   * @param uploads null without a public URL: speakers are told to send a cloud-drive link
   * @param downloads null without a public URL: the export's path is all organizers get
   */
  WechatLinks(
      Storage storage,
      Messages messages,
      Lang defaultLanguage,
      Lang organizerLanguage,
      UploadLinks uploads,
      DownloadLinks downloads) {
    this.storage = storage;
    this.messages = messages;
    this.defaultLanguage = defaultLanguage;
    this.organizerLanguage = organizerLanguage;
    this.uploads = uploads;
    this.downloads = downloads;
  }

  Reply render(Tx tx, String openid, Reply reply, Instant now) {
    StringBuilder text = new StringBuilder(reply.text());
    UploadRequest upload = reply.upload();
    if (upload != null) {
      Lang lang = languageOf(tx, openid);
      text.append("\n\n");
      if (uploads == null) {
        text.append(messages.text(lang, "wechat.no_upload_link"));
      } else {
        // The link issued for this proposal and field, the same one each time the question is
        // shown while it stays valid: the text says how long it has left, in whole days.
        UploadLinks.Issued link =
            uploads.issue(tx, WechatChannel.NAME, openid, upload.submissionId(), upload.fieldId());
        long days = Math.max(1, Duration.between(now, link.expiresAt()).toDays());
        text.append(messages.text(lang, "wechat.upload_link", "url", link.url(), "days", days));
      }
    }
    FileRef file = reply.file();
    if (file != null && downloads != null && isExport(file)) {
      text.append("\n\n")
          .append(
              messages.text(
                  organizerLanguage,
                  "wechat.download_link",
                  "url",
                  downloads.link(file.path()),
                  "hours",
                  downloads.lifetime().toHours()));
    }
    return new Reply(text.toString(), reply.choices(), reply.requestContact(), null, null);
  }

  /** Only exports are offered for download; slides stay with the organizers' export. */
  private static boolean isExport(FileRef file) {
    if (file.path() == null) {
      return false;
    }
    Path path = Path.of(file.path()).normalize();
    return path.getNameCount() == 2 && path.startsWith("exports");
  }

  private Lang languageOf(Tx tx, String openid) {
    return storage
        .speakers()
        .find(tx, WechatChannel.NAME, openid)
        .flatMap(s -> Lang.parse(s.language()))
        .orElse(defaultLanguage);
  }
}
