extension EC2Client {
    /// Asks EC2 to reboot the instances `ids`.
    ///
    /// An answer whose `<return>` is `false` is ``AWSError/Code/invalidResponse``; one without
    /// `<return>` (as moto gives) counts as success.
    ///
    /// Throws ``AWSError/Code/serviceError`` with EC2's code (such as
    /// `InvalidInstanceID.NotFound`) when it refuses.
    public func rebootInstances(_ ids: [String]) async throws(AWSError) {
        var parameters = QueryParameters()
        for (index, id) in ids.enumerated() {
            parameters.append("InstanceId.\(index + 1)", id)
        }
        try await query.send("RebootInstances", parameters) { root throws(AWSError) in
            guard root.text(of: "return") != "false" else {
                throw AWSError(.invalidResponse, "<return> is false")
            }
        }
    }
}
