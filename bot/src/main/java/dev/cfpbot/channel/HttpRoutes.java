package dev.cfpbot.channel;

import io.javalin.config.RoutesConfig;

/** Something that serves HTTP: a webhook, the upload page. Routes are registered before start. */
@FunctionalInterface
public interface HttpRoutes {
  void register(RoutesConfig routes);
}
