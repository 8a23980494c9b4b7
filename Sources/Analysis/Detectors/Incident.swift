/// Anomalies of one workload that one change explains: those whose onsets follow the same
/// trigger (a rollout, a new certificate). A workload may have several incidents in a window,
/// each with its own candidate commits and its own revert.
struct Incident {
    /// In the order they were found; never empty.
    var anomalies: [Anomaly]
    /// The triggers that began shortly before the anomalies and have commits before them, in
    /// the order found; never empty.
    var triggers: [Trigger]

    /// The anomaly the finding describes first.
    var first: Anomaly { anomalies[0] }
    /// The trigger the finding names and that its id carries.
    var trigger: Trigger { triggers[0] }

    /// Every commit before any of the triggers, oldest first; by id, so that a commit touching
    /// both the workload and its TLS resources is one candidate.
    var candidates: [ManifestCommit] { Self.candidates(of: triggers) }

    /// Every commit before any of `triggers`, oldest first, each once.
    static func candidates(of triggers: [Trigger]) -> [ManifestCommit] {
        var byID: [String: ManifestCommit] = [:]
        for commit in triggers.flatMap(\.commits) where byID[commit.id] == nil {
            byID[commit.id] = commit
        }
        return byID.values.sorted { ($0.time, $0.id) < ($1.time, $1.id) }
    }

    /// Groups `anomalies` into incidents: two anomalies are one incident when a trigger with
    /// commits precedes both. Anomalies no such trigger precedes are in none.
    static func group(_ anomalies: [Anomaly], by triggers: Triggers) -> [Incident] {
        var incidents: [Incident] = []
        for anomaly in anomalies {
            let found = triggers.triggers(of: anomaly).filter { !$0.commits.isEmpty }
            guard !found.isEmpty else { continue }
            // An anomaly sharing a trigger with several incidents joins them into one, the
            // one found first leading: its first anomaly and trigger name the finding.
            let keys = Set(found.map(\.key))
            var joined: Incident?
            incidents.removeAll { incident in
                guard !keys.isDisjoint(with: incident.triggers.map(\.key)) else { return false }
                if joined == nil { joined = incident } else { joined?.absorb(incident) }
                return true
            }
            let own = Incident(anomalies: [anomaly], triggers: found)
            guard var joined else {
                incidents.append(own)
                continue
            }
            joined.absorb(own)
            incidents.append(joined)
        }
        return incidents.sorted { ($0.first.onset, $0.trigger.key) < ($1.first.onset, $1.trigger.key) }
    }

    private mutating func absorb(_ other: Incident) {
        for anomaly in other.anomalies where !anomalies.contains(anomaly) { anomalies.append(anomaly) }
        for trigger in other.triggers where !triggers.contains(where: { $0.key == trigger.key }) {
            triggers.append(trigger)
        }
    }
}
