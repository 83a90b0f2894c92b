"""The Consolidation (集运) tab: orders, parcels at the agent, agents and lines, the planner,
shipments and the allocation of their freight."""
