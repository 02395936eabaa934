package dev.cfpbot.channel;

import java.util.Optional;

/**
 * What a channel can do beyond the contract of {@link Channel}, each an interface of this package:
 * a channel declares the ones it has ({@code Abilities.NONE.withStatus(this).withHttp(webhook)}),
 * and the bot wires those it is given, without looking at the channel's type.
 */
public final class Abilities {
  /** A channel with none: it receives through its handler and sends, nothing more. */
  public static final Abilities NONE = new Abilities(null, null, null, null, null, null, null);

  private final UpdateTranslator translator;
  private final LinksInText links;
  private final ChannelStatus status;
  private final HttpRoutes http;
  private final ChannelCommands commands;
  private final InputEnd inputEnd;
  private final ChannelRehearsal rehearsal;

  private Abilities(
      UpdateTranslator translator,
      LinksInText links,
      ChannelStatus status,
      HttpRoutes http,
      ChannelCommands commands,
      InputEnd inputEnd,
      ChannelRehearsal rehearsal) {
    this.translator = translator;
    this.links = links;
    this.status = status;
    this.http = http;
    this.commands = commands;
    this.inputEnd = inputEnd;
    this.rehearsal = rehearsal;
  }

  /** Its updates are stored raw (see {@link UpdateStore}) and handled through {@code t}. */
  public Abilities withTranslator(UpdateTranslator t) {
    return new Abilities(t, links, status, http, commands, inputEnd, rehearsal);
  }

  /** It shows upload requests and files as links in the text. */
  public Abilities withLinks(LinksInText l) {
    return new Abilities(translator, l, status, http, commands, inputEnd, rehearsal);
  }

  /** It says how it is doing, for {@code /health}; without, it is reported "running". */
  public Abilities withStatus(ChannelStatus s) {
    return new Abilities(translator, links, s, http, commands, inputEnd, rehearsal);
  }

  /** It serves HTTP (a webhook, a callback): the bot's HTTP server then runs. */
  public Abilities withHttp(HttpRoutes h) {
    return new Abilities(translator, links, status, h, commands, inputEnd, rehearsal);
  }

  /** It adds organizer commands of its own. */
  public Abilities withCommands(ChannelCommands c) {
    return new Abilities(translator, links, status, http, c, inputEnd, rehearsal);
  }

  /** Its input can end, and with it the bot's work. */
  public Abilities withInputEnd(InputEnd e) {
    return new Abilities(translator, links, status, http, commands, e, rehearsal);
  }

  /** It rehearses at start-up, playing its platform's side against a copy of the bot. */
  public Abilities withRehearsal(ChannelRehearsal r) {
    return new Abilities(translator, links, status, http, commands, inputEnd, r);
  }

  public Optional<UpdateTranslator> translator() {
    return Optional.ofNullable(translator);
  }

  public Optional<LinksInText> links() {
    return Optional.ofNullable(links);
  }

  public Optional<ChannelStatus> status() {
    return Optional.ofNullable(status);
  }

  public Optional<HttpRoutes> http() {
    return Optional.ofNullable(http);
  }

  public Optional<ChannelCommands> commands() {
    return Optional.ofNullable(commands);
  }

  public Optional<InputEnd> inputEnd() {
    return Optional.ofNullable(inputEnd);
  }

  public Optional<ChannelRehearsal> rehearsal() {
    return Optional.ofNullable(rehearsal);
  }
}
