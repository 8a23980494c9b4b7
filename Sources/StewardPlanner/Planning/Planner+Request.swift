extension Planner {
    /// Plans what `steward plan` is asked, reading its inputs with ``InputLoader``, and the
    /// deployment timelines from Argo CD where the configuration names one.
    package func plan(_ request: PlanRequest) async throws(StewardError) -> Plan {
        var inputs = try InputLoader.load(request)
        try await InputLoader.readDeployments(into: &inputs)
        return try plan(inputs)
    }
}
