extension Planner {
    /// Plans what `steward plan` is asked, reading its inputs with ``InputLoader``.
    package func plan(_ request: PlanRequest) throws(StewardError) -> Plan {
        try plan(InputLoader.load(request))
    }
}
