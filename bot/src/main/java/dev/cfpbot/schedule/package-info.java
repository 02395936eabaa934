/**
 * Work at a time of day or before a deadline: the {@link dev.cfpbot.schedule.Scheduler} runs each
 * {@link dev.cfpbot.schedule.ScheduledJob} once per due time, on one instance of several (a lease
 * and a claimed run in the database).
 */
package dev.cfpbot.schedule;
