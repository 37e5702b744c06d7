extension EC2Client {
    /// The instances that pass every filter (and, when `instanceIDs` is not empty, have one of
    /// those ids), following `NextToken` through all pages, in EC2's order.
    ///
    /// `pageSize` (EC2 allows 5 to 1000) bounds the instances of one answer; EC2 does not
    /// allow it with `instanceIDs`, so it is then left out.
    public func describeInstances(
        filters: [EC2Filter] = [], instanceIDs: [String] = [], pageSize: Int? = nil
    ) async throws(AWSError) -> [EC2Instance] {
        var instances: [EC2Instance] = []
        var nextToken: String?
        repeat {
            var parameters = QueryParameters()
            for (index, filter) in filters.enumerated() {
                parameters.append("Filter.\(index + 1).Name", filter.name)
                for (valueIndex, value) in filter.values.enumerated() {
                    parameters.append("Filter.\(index + 1).Value.\(valueIndex + 1)", value)
                }
            }
            for (index, id) in instanceIDs.enumerated() {
                parameters.append("InstanceId.\(index + 1)", id)
            }
            if instanceIDs.isEmpty { parameters.append("MaxResults", pageSize.map(String.init)) }
            parameters.append("NextToken", nextToken)
            let page = try await query.send("DescribeInstances", parameters) { root throws(AWSError) in
                try Self.instancesPage(root)
            }
            instances += page.instances
            nextToken = page.nextToken
        } while nextToken != nil
        return instances
    }

    /// The instances of every reservation in `<DescribeInstancesResponse>`, and the next token.
    private static func instancesPage(_ root: AWSXMLElement) throws(AWSError) -> (instances: [EC2Instance], nextToken: String?) {
        guard let reservations = root.child("reservationSet") else {
            throw AWSError(.invalidResponse, "<\(root.name)> has no <reservationSet>")
        }
        var instances: [EC2Instance] = []
        for reservation in reservations.children("item") {
            for item in reservation.child("instancesSet")?.children("item") ?? [] {
                instances.append(try EC2Instance(item: item))
            }
        }
        return (instances, root.text(of: "nextToken").flatMap { $0.isEmpty ? nil : $0 })
    }
}
