/// How the server's TLS certificate is verified.
public struct SMTPTLSSettings: Sendable, Hashable {
    /// PEM files with certificates to trust in addition to the system's roots, e.g. a test server's self-signed
    /// certificate or a private CA.
    public var additionalTrustedCertificateFiles: [String]
    /// The name sent for SNI and checked against the certificate; `nil` uses the configured host
    /// (and for an IP-address host, checks the certificate's IP addresses without SNI).
    public var serverName: String?

    /// Trusts the system roots plus `additionalTrustedCertificateFiles`, verifying `serverName` (or the host).
    public init(additionalTrustedCertificateFiles: [String] = [], serverName: String? = nil) {
        self.additionalTrustedCertificateFiles = additionalTrustedCertificateFiles
        self.serverName = serverName
    }
}
