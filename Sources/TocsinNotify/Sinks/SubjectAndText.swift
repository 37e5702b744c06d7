/// A message with a subject line and a text body, as the SNS and e-mail sinks queue it.
struct SubjectAndText: Codable {
    let subject: String
    let text: String
}
