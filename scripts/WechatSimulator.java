import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays WeChat's servers against a running cfp-bot: signed callbacks to /wechat, in plain or safe
 * (AES) mode, a follower at a time or many at once, and prints the passive replies or their
 * latency. JDK only: run it with {@code java scripts/WechatSimulator.java --help}.
 *
 * <p>It can also be the WeChat API the bot talks to ({@code --fake-api PORT}): it issues access
 * tokens and answers every message call with success.
 */
public class WechatSimulator {
  static final String ACCOUNT = "gh_simulator";
  static final AtomicLong MSG_IDS = new AtomicLong(System.currentTimeMillis() * 1000);
  static final Pattern CONTENT = Pattern.compile("<Content><!\\[CDATA\\[(.*)]]></Content>", Pattern.DOTALL);
  static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>");
  static final Pattern SIGNATURE = Pattern.compile("<MsgSignature><!\\[CDATA\\[(.*?)]]></MsgSignature>");
  static final Pattern TIMESTAMP = Pattern.compile("<TimeStamp>(?:<!\\[CDATA\\[)?(\\d+)");
  static final Pattern NONCE = Pattern.compile("<Nonce><!\\[CDATA\\[(.*?)]]></Nonce>");

  static final String HELP =
      String.join(
          "\n",
          "Usage: java scripts/WechatSimulator.java [options]",
          "  --url URL          the bot's callback (default http://127.0.0.1:8080/wechat)",
          "  --token T          the callback token (default $WECHAT_TOKEN)",
          "  --aes              safe mode: encrypt requests, decrypt replies",
          "  --aes-key K        the EncodingAESKey (default $WECHAT_AES_KEY)",
          "  --app-id A         the app id (default $WECHAT_APP_ID)",
          "  --followers N      N followers submit at once, and latency is reported (default 1)",
          "  --think MS         each follower pauses up to MS ms (at random) between messages",
          "  --warm-up N        first let N followers submit, unmeasured (a JVM runs faster warm)",
          "  --title T          the talk title to submit",
          "  --openid ID        the (first) follower's openid (default o-sim-<time>)",
          "  --wait-health URL  wait until URL answers 200 (up to 120 s), then exit",
          "  --fake-api PORT    be the WeChat API on PORT until stopped",
          "Exit status: 0 when every follower got every reply and the receipt with the title.");

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    if (o.containsKey("help")) {
      System.out.println(HELP);
      return;
    }
    if (o.containsKey("fake-api")) {
      fakeApi(Integer.parseInt(o.get("fake-api")));
      return;
    }
    if (o.containsKey("wait-health")) {
      System.exit(waitHealth(o.get("wait-health")) ? 0 : 1);
    }
    boolean aes = o.containsKey("aes");
    String token = o.getOrDefault("token", System.getenv().getOrDefault("WECHAT_TOKEN", ""));
    String key = o.getOrDefault("aes-key", System.getenv().getOrDefault("WECHAT_AES_KEY", ""));
    String appId = o.getOrDefault("app-id", System.getenv().getOrDefault("WECHAT_APP_ID", ""));
    if (token.isEmpty() || (aes && (key.length() != 43 || appId.isEmpty()))) {
      System.err.println("wechat-simulate: set --token (and for --aes, --aes-key and --app-id)");
      System.exit(2);
    }
    Wechat wechat =
        new Wechat(
            URI.create(o.getOrDefault("url", "http://127.0.0.1:8080/wechat")),
            token,
            aes ? key : null,
            appId);
    int followers = Integer.parseInt(o.getOrDefault("followers", "1"));
    int think = Integer.parseInt(o.getOrDefault("think", "0"));
    int warmUp = Integer.parseInt(o.getOrDefault("warm-up", "0"));
    String title = o.getOrDefault("title", "从零到生产：我们的 Docker 迁移之路");
    String openid = o.getOrDefault("openid", "o-sim-" + Long.toString(System.nanoTime(), 36));
    if (warmUp > 0) {
      List<Run> warm = run(wechat, openid + "-warm", title, warmUp, 0);
      warm.stream().filter(r -> !r.ok()).forEach(r -> System.out.println("warm-up FAILED " + r.openid() + ": " + r.problem()));
      long failed = warm.stream().filter(r -> !r.ok()).count();
      System.out.println("warm-up: " + warmUp + " followers submitted (" + failed + " failed), not measured");
    }
    boolean ok =
        followers == 1 && warmUp == 0
            ? new Follower(wechat, openid, title, true, 0).call().ok()
            : load(wechat, openid, title, followers, think);
    System.exit(ok ? 0 : 1);
  }

  /** N followers at once, each through a complete submission. */
  static List<Run> run(Wechat wechat, String prefix, String title, int n, int think) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Run>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Follower f = new Follower(wechat, prefix + "-" + i, title + " #" + i, false, think);
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return f.call();
              }));
    }
    go.countDown();
    List<Run> runs = new ArrayList<>();
    for (Future<Run> future : futures) {
      runs.add(future.get());
    }
    pool.shutdown();
    return runs;
  }

  /** N followers at once; prints passive-reply latency. */
  static boolean load(Wechat wechat, String prefix, String title, int n, int think) throws Exception {
    long start = System.nanoTime();
    List<Run> runs = run(wechat, prefix, title, n, think);
    double seconds = (System.nanoTime() - start) / 1e9;
    List<Step> steps = new ArrayList<>();
    int failed = 0;
    for (Run run : runs) {
      steps.addAll(run.steps());
      if (!run.ok()) {
        failed++;
        System.out.println("FAILED " + run.openid() + ": " + run.problem());
      }
    }
    List<Step> sorted = new ArrayList<>(steps);
    sorted.sort((a, b) -> Long.compare(a.micros(), b.micros()));
    System.out.printf(
        "%d followers%s, %d passive replies in %.1f s (%.0f requests/s); %d followers failed%n",
        n, think > 0 ? " (up to " + think + " ms between messages)" : " (no pause between messages)",
        steps.size(), seconds, steps.size() / seconds, failed);
    System.out.printf(
        "passive reply latency: p50 %s  p90 %s  p99 %s  max %s%n",
        ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)), ms(sorted.get(sorted.size() - 1).micros()));
    System.out.println("slowest:");
    for (Step s : sorted.subList(Math.max(0, sorted.size() - 5), sorted.size())) {
      System.out.printf("  %s  %s  \"%s\"%n", ms(s.micros()), s.openid(), s.sent());
    }
    long over = steps.stream().filter(s -> s.micros() >= 5_000_000).count();
    System.out.println(over == 0 ? "every passive reply within 5 s" : over + " replies took 5 s or more");
    return failed == 0 && over == 0;
  }

  static long percentile(List<Step> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)).micros();
  }

  static String ms(long micros) {
    return String.format("%.1f ms", micros / 1000.0);
  }

  record Step(String openid, String sent, long micros) {}

  record Run(String openid, boolean ok, String problem, List<Step> steps) {}

  /** One follower: follows, submits a talk, checks the receipt. */
  record Follower(Wechat wechat, String openid, String title, boolean verbose, int think) {
    Run call() {
      List<Step> steps = new ArrayList<>();
      List<String[]> script = new ArrayList<>();
      script.add(new String[] {"event", "subscribe"});
      for (String text :
          List.of(
              "投稿",
              "张三",
              "我是一名运维工程师，负责公司的容器平台。",
              "zhangsan_docker",
              "138 0013 8000",
              title,
              "介绍我们把单体应用拆分并迁移到 Docker 的过程，踩过的坑和最后的收益。",
              "/skip",
              "确认")) {
        script.add(new String[] {"text", text});
      }
      String reply = null;
      for (String[] step : script) {
        if (think > 0) {
          try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(think + 1));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(openid, false, "interrupted", steps);
          }
        }
        long t0 = System.nanoTime();
        long now = System.currentTimeMillis() / 1000;
        String xml =
            step[0].equals("event")
                ? Wechat.eventXml(openid, step[1], now)
                : Wechat.textXml(openid, step[1], MSG_IDS.incrementAndGet(), now);
        Wechat.Reply r;
        try {
          r = wechat.post(xml);
        } catch (RuntimeException e) {
          return new Run(openid, false, step[1] + ": " + e.getMessage(), steps);
        }
        steps.add(new Step(openid, step[1], (System.nanoTime() - t0) / 1000));
        if (verbose) {
          System.out.println("→ " + (step[0].equals("event") ? "[" + step[1] + "]" : step[1]));
          System.out.println("← " + (r.text() == null ? "(" + r.status() + " " + r.body() + ")" : r.text().replace("\n", "\n  ")));
          System.out.println();
        }
        if (r.status() != 200 || r.text() == null) {
          return new Run(openid, false, step[1] + ": HTTP " + r.status() + " " + r.body(), steps);
        }
        reply = r.text();
      }
      boolean ok = reply.contains("投稿成功") && reply.contains(title);
      if (verbose) {
        System.out.println(ok ? "OK: the receipt came back as the passive reply, with the title." : "FAILED: no receipt with the title");
      }
      return new Run(openid, ok, ok ? null : "no receipt with the title: " + reply, steps);
    }
  }

  /** WeChat's side of the callback protocol. */
  static final class Wechat {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI endpoint;
    final String token;
    final byte[] key;
    final String appId;
    final SecureRandom random = new SecureRandom();

    record Reply(int status, String body, String text) {}

    Wechat(URI endpoint, String token, String aesKey, String appId) {
      this.endpoint = endpoint;
      this.token = token;
      // An EncodingAESKey is 43 base64 characters; its last one may carry stray bits.
      this.key = aesKey == null ? null : Base64.getDecoder().decode(aesKey + "=");
      this.appId = appId;
    }

    static String textXml(String openid, String text, long msgId, long time) {
      return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA["
          + openid + "]]></FromUserName><CreateTime>" + time
          + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text
          + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    static String eventXml(String openid, String event, long time) {
      return "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><FromUserName><![CDATA["
          + openid + "]]></FromUserName><CreateTime>" + time
          + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event
          + "]]></Event></xml>";
    }

    Reply post(String xml) {
      // Now, and a nonce never used before: the bot refuses a timestamp more than five minutes
      // off its clock, and a (timestamp, nonce) pair it has seen with another message.
      String timestamp = Long.toString(System.currentTimeMillis() / 1000);
      String nonce = Long.toUnsignedString(random.nextLong());
      String query = "signature=" + sha1(token, timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce;
      String body = xml;
      if (key != null) {
        String encrypted = encrypt(xml);
        query += "&openid=x&encrypt_type=aes&msg_signature=" + sha1(token, timestamp, nonce, encrypted);
        body = "<xml><ToUserName><![CDATA[" + ACCOUNT + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt></xml>";
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(endpoint + "?" + query))
              .timeout(Duration.ofSeconds(15))
              .header("Content-Type", "text/xml")
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(response.statusCode(), response.body(), text(response.body()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    String text(String body) {
      if (body == null || !body.startsWith("<xml>")) {
        return null;
      }
      String xml = body;
      Matcher encrypted = ENCRYPT.matcher(body);
      if (key != null && encrypted.find()) {
        String expected = sha1(token, find(TIMESTAMP, body), find(NONCE, body), encrypted.group(1));
        if (!expected.equals(find(SIGNATURE, body))) {
          throw new IllegalStateException("the reply's msg_signature is wrong");
        }
        xml = decrypt(encrypted.group(1));
      }
      Matcher content = CONTENT.matcher(xml);
      return content.find() ? content.group(1).replace("]]]]><![CDATA[>", "]]>") : null;
    }

    static String find(Pattern p, String text) {
      Matcher m = p.matcher(text);
      return m.find() ? m.group(1) : "";
    }

    String encrypt(String xml) {
      byte[] message = xml.getBytes(StandardCharsets.UTF_8);
      byte[] app = appId.getBytes(StandardCharsets.UTF_8);
      byte[] prefix = new byte[16];
      random.nextBytes(prefix);
      int length = 20 + message.length + app.length;
      int pad = 32 - length % 32;
      ByteBuffer plain = ByteBuffer.allocate(length + pad);
      plain.put(prefix).putInt(message.length).put(message).put(app);
      for (int i = 0; i < pad; i++) {
        plain.put((byte) pad);
      }
      return Base64.getEncoder().encodeToString(aes(Cipher.ENCRYPT_MODE, plain.array()));
    }

    String decrypt(String encrypted) {
      byte[] plain = aes(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(encrypted));
      int length = ByteBuffer.wrap(plain, 16, 4).getInt();
      return new String(plain, 20, length, StandardCharsets.UTF_8);
    }

    byte[] aes(int mode, byte[] data) {
      try {
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOfRange(key, 0, 16)));
        return cipher.doFinal(data);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    static String sha1(String... parts) {
      String[] sorted = parts.clone();
      Arrays.sort(sorted);
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The WeChat API, as far as the bot uses it: every call succeeds. */
  static void fakeApi(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(Executors.newFixedThreadPool(16));
    AtomicLong calls = new AtomicLong();
    Map<String, AtomicLong> byPath = Collections.synchronizedMap(new LinkedHashMap<>());
    server.createContext(
        "/cgi-bin/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            byPath.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
            calls.incrementAndGet();
            String json =
                path.equals("/cgi-bin/token")
                    ? "{\"access_token\":\"sim-token-" + System.nanoTime() + "\",\"expires_in\":7200}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1,\"msg_id\":1}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          }
        });
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> System.err.println("fake WeChat API: " + calls.get() + " calls " + byPath)));
    server.start();
    System.err.println("fake WeChat API listening on http://127.0.0.1:" + port);
  }

  static boolean waitHealth(String url) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(250);
    }
    return false;
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        System.err.println("wechat-simulate: unexpected '" + a + "'\n" + HELP);
        System.exit(2);
      }
      String name = a.substring(2);
      boolean flag = name.equals("aes") || name.equals("help");
      o.put(name, flag ? "true" : (i + 1 < args.length ? args[++i] : ""));
    }
    return o;
  }
}
