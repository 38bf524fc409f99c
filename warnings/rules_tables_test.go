package warnings

// allRuleTables lists every rule table, for the code coverage test.
func allRuleTables() [][]ruleCase {
	return [][]ruleCase{
		envRulesCases(),
		identityRulesCases(),
		lifecycleRulesCases(),
		metadataRulesCases(),
		networkRulesCases(),
		probeRulesCases(),
		resourceRulesCases(),
		schedulingRulesCases(),
		securityRulesCases(),
		volumeRulesCases(),
	}
}
