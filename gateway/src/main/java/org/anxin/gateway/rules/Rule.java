package org.anxin.gateway.rules;

/**
 * A rule over one device message, run on the event loop with no I/O; its state per device is its own and in
 * memory. {@code settings} are those of the elder the message concerns (the defaults when none is known).
 */
public interface Rule {

  void evaluate(RuleInput input, ElderRules settings, RuleActions actions);
}
