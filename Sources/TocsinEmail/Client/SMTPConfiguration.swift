/// Where and how to deliver mail: server, security, credentials, names and timeouts.
///
/// For Gmail: `SMTPConfiguration(host: "smtp.gmail.com", credentials: SMTPCredentials(username: "me@gmail.com",
/// password: appPassword))`, which uses STARTTLS on port 587 and the system's trusted roots.
public struct SMTPConfiguration: Sendable, Hashable {
    /// The server's host name or IP address.
    public var host: String
    /// The server's TCP port.
    public var port: Int
    /// Whether and how TLS protects the connection.
    public var security: SMTPSecurity
    /// The credentials for SMTP AUTH; `nil` sends without authenticating.
    public var credentials: SMTPCredentials?
    /// The name this client gives in `EHLO`/`HELO`: its host name or an address literal such as `[192.0.2.1]`.
    public var heloName: String
    /// The longest wait for the TCP connection (all of the host's addresses together).
    public var connectTimeout: Duration
    /// The longest wait for each reply, including the greeting and the TLS handshake.
    public var commandTimeout: Duration
    /// Certificate verification for `startTLS` and `implicitTLS`.
    public var tls: SMTPTLSSettings

    /// Makes a configuration.
    /// - Parameters:
    ///   - host: The server's host name or IP address.
    ///   - port: The TCP port; `nil` means the usual one for `security` (587, 465 or 25).
    ///   - security: `.startTLS` unless told otherwise.
    ///   - credentials: Credentials for SMTP AUTH (PLAIN preferred, LOGIN otherwise), or `nil`.
    ///   - heloName: The name given in `EHLO`; `localhost` by default.
    ///   - connectTimeout: 10 seconds by default.
    ///   - commandTimeout: 60 seconds by default.
    ///   - tls: System roots and the host name by default.
    public init(
        host: String,
        port: Int? = nil,
        security: SMTPSecurity = .startTLS,
        credentials: SMTPCredentials? = nil,
        heloName: String = "localhost",
        connectTimeout: Duration = .seconds(10),
        commandTimeout: Duration = .seconds(60),
        tls: SMTPTLSSettings = SMTPTLSSettings()
    ) {
        self.host = host
        self.port = port ?? security.defaultPort
        self.security = security
        self.credentials = credentials
        self.heloName = heloName
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.tls = tls
    }
}
