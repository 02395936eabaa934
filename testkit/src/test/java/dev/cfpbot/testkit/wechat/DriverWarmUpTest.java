package dev.cfpbot.testkit.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class DriverWarmUpTest {
  private static final URI NOWHERE = URI.create("http://127.0.0.1:9/wechat");

  @Test
  void plainMode_everyFollowerReadsEachReplyFromTheEcho() throws Exception {
    WechatClient wechat = new WechatClient(NOWHERE, "token", null, "wx-app", Clock.systemUTC());

    // A follow event and nine messages each.
    assertThat(DriverWarmUp.run(wechat, 3)).isEqualTo(30);
  }

  @Test
  void safeMode_theEchosSealedRepliesAreCheckedAndOpened() throws Exception {
    WechatClient wechat =
        new WechatClient(
            NOWHERE,
            "token",
            "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
            "wx-app",
            Clock.systemUTC());

    assertThat(DriverWarmUp.run(wechat, 2)).isEqualTo(20);
  }
}
