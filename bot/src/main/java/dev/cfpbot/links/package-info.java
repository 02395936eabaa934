/**
 * Signed, expiring links the bot gives people: personal upload links (one file for one field of one
 * proposal) and download links to exports. Below the channels and the web server, which both use
 * them: a channel shows a link, the server honours it.
 */
package dev.cfpbot.links;
