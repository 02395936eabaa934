package dev.cfpbot.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfpbot.channel.Capabilities.LengthUnit;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSplitterTest {

  @Test
  void split_shortText_isOnePart() {
    assertThat(TextSplitter.split("你好", 10, LengthUnit.CHARS)).containsExactly("你好");
  }

  @Test
  void split_breaksAtParagraphsFirst() {
    String text = "aaaa\n\nbbbb\n\ncccc";

    assertThat(TextSplitter.split(text, 10, LengthUnit.CHARS))
        .containsExactly("aaaa\n\nbbbb", "cccc");
  }

  @Test
  void split_longParagraph_breaksAtLines() {
    String text = "line one\nline two\nline three";

    assertThat(TextSplitter.split(text, 18, LengthUnit.CHARS))
        .containsExactly("line one\nline two", "line three");
  }

  @Test
  void split_byUtf8Bytes_neverCutsAChineseCharacter() {
    String text = "投稿".repeat(1000);

    List<String> parts = TextSplitter.split(text, 2048, LengthUnit.UTF8_BYTES);

    assertThat(String.join("", parts)).isEqualTo(text);
    assertThat(parts)
        .allSatisfy(
            p -> assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048));
    assertThat(parts.get(0).getBytes(StandardCharsets.UTF_8).length).isEqualTo(2046);
  }

  @Test
  void split_neverCutsAnEmoji() {
    String text = "😀".repeat(5);

    List<String> parts = TextSplitter.split(text, 3, LengthUnit.CHARS);

    assertThat(parts).containsExactly("😀", "😀", "😀", "😀", "😀");
  }
}
