package dev.cfpbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.conversation.FileRefusal;
import dev.cfpbot.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The page's texts the code names by building the key. */
class UploadTextsTest {
  @Test
  void everyReasonAFileIsRefusedFor_hasAPageText() {
    for (FileRefusal why : FileRefusal.values()) {
      assertThat(Messages.defaults().keys())
          .contains("upload.refused." + why.name().toLowerCase(Locale.ROOT));
    }
    assertThat(Messages.defaults().keys()).contains("upload.refused.unknown");
  }
}
