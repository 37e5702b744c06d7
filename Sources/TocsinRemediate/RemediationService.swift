import Foundation
import Logging
import ServiceLifecycle
import TocsinCore
import TocsinResponse
import TocsinStore

/// Carries out what the remediation policies plan, safely: simulated (dry run) unless
/// execution is enabled; for real only on allow-listed targets, within each policy's
/// cooldown per target and the hourly cap; after approval when a policy asks for it. Once
/// an action ran, it checks whether the series recovered within the policy's verification
/// window, and escalates when it did not. Every plan, approval, execution and outcome is
/// written to the store's audit log.
public actor RemediationService: Service {
    /// Whether actions run.
    public enum Mode: Sendable, Hashable {
        /// Plans are recorded and printed, never executed.
        case dryRun
        /// Due plans on allow-listed targets are executed (after approval where asked).
        case execute
    }

    /// Why an approval was refused.
    public struct ApprovalError: Error, Sendable, CustomStringConvertible {
        /// HTTP-like: 404 for an unknown action, 409 for one that is not waiting.
        public let status: Int
        public let description: String
    }

    private var planner: RemediationPlanner
    private let mode: Mode
    private let allowList: AllowList
    private let executor: any RemediationExecutor
    private let store: any ActionRepository
    private let recovery: any RecoveryCheck
    private let escalate: @Sendable (ActionRecord) async -> Void
    private let now: @Sendable () -> Date
    private let logger: Logger
    private let onStep: @Sendable (ActionRecord) -> Void
    /// Executed actions waiting for their verification: when it is due, and the window's start.
    private var verifications: [Int64: (due: Date, since: Date)] = [:]
    /// What each waiting or executing action was planned for (the webhook body).
    private var contexts: [Int64: String] = [:]

    /// A service carrying out `planner`'s plans through `executor` and recording them in `store`.
    /// `escalate` is called with an action whose series did not recover, or that failed;
    /// `onStep` with every recorded step, for metrics.
    public init(planner: RemediationPlanner, mode: Mode, allowList: AllowList, executor: any RemediationExecutor,
                store: any ActionRepository, recovery: any RecoveryCheck,
                escalate: @escaping @Sendable (ActionRecord) async -> Void = { _ in },
                now: @escaping @Sendable () -> Date = { Date() }, logger: Logger = Logger(label: "tocsin.remediation"),
                onStep: @escaping @Sendable (ActionRecord) -> Void = { _ in }) {
        self.planner = planner
        self.mode = mode
        self.allowList = allowList
        self.executor = executor
        self.store = store
        self.recovery = recovery
        self.escalate = escalate
        self.now = now
        self.logger = logger
        self.onStep = onStep
    }

    /// Plans and (as the mode, allow-list and policies say) carries out the actions `subject`
    /// calls for; `context` is the alert as JSON, for webhooks. Returns the recorded actions.
    public func respond(to subject: RemediationSubject, context: String) async -> [ActionRecord] {
        let at = now()
        var recorded: [ActionRecord] = []
        for plan in planner.plan(for: subject, at: at) {
            let describe = "\(plan.action.summary) \(plan.target)"
            let (status, detail): (ActionRecord.Status, String) = switch plan.verdict {
            case .coolingDown(let until): (.skipped, "skipped \(describe): cooling down until \(UTCTimestamp.iso8601(until.timeIntervalSince1970))")
            case .hourlyLimitReached: (.skipped, "skipped \(describe): the hourly action limit is reached")
            case .due where mode == .dryRun: (.simulated, "would \(describe)")
            case .due where !allowList.allows(plan.target): (.skipped, "skipped \(describe): \(plan.target) is not on the allow-list")
            case .due where plan.needsApproval: (.awaitingApproval, "waiting for approval to \(describe)")
            case .due: (.approved, "\(describe) (no approval needed)")
            }
            let record = ActionRecord(policy: plan.policy, kind: Self.kind(plan.action), target: plan.target, series: plan.series,
                                      incident: plan.incident, status: status, created: at, updated: at, detail: detail)
            guard var stored = await save(record, event: status == .skipped ? "skipped" : "planned") else { continue }
            logger.notice("REMEDIATION\(mode == .dryRun ? " (dry run)" : "") policy \(plan.policy): \(detail)")
            contexts[stored.id] = context
            if status == .approved { stored = await execute(stored) }
            recorded.append(stored)
        }
        return recorded
    }

    /// Approves an action waiting for approval and carries it out.
    public func approve(_ id: Int64, by approver: String) async throws(ApprovalError) -> ActionRecord {
        let found: ActionRecord?
        do { found = try await store.action(id: id) } catch { throw ApprovalError(status: 503, description: "the store failed: \(error)") }
        guard let action = found else { throw ApprovalError(status: 404, description: "no action \(id)") }
        guard action.status == .awaitingApproval else {
            throw ApprovalError(status: 409, description: "action \(id) is \(action.status.rawValue), not awaiting approval")
        }
        guard let approved = await advance(id, .approved, "approved", "approved by \(approver)") else {
            throw ApprovalError(status: 503, description: "the approval of action \(id) could not be recorded")
        }
        return await execute(approved)
    }

    /// Runs an approved action, then schedules its verification (or escalates its failure).
    private func execute(_ action: ActionRecord) async -> ActionRecord {
        guard let policy = planner.policies.first(where: { $0.name == action.policy }) else {
            return await advance(action.id, .failed, "failed", "policy \(action.policy) no longer exists") ?? action
        }
        let context = contexts.removeValue(forKey: action.id) ?? "{}"
        do {
            let detail = try await executor.execute(policy.action, target: action.target, context: context)
            let at = now()
            verifications[action.id] = (at.addingTimeInterval(policy.verifyWithin), at)
            logger.notice("REMEDIATION policy \(action.policy): \(detail)")
            return await advance(action.id, .executed, "executed", detail) ?? action
        } catch {
            logger.error("REMEDIATION policy \(action.policy) failed on \(action.target): \(error)")
            let failed = await advance(action.id, .failed, "failed", error.description) ?? action
            await escalate(failed)
            return failed
        }
    }

    /// Checks the executed actions whose verification window has ended by `date`.
    public func verifyDue(at date: Date) async {
        for (id, window) in verifications where window.due <= date {
            verifications[id] = nil
            let action: ActionRecord?
            do { action = try await store.action(id: id) } catch { continue }
            guard let action else { continue }
            let verdict: Bool?
            do { verdict = try await recovery.recovered(action.series, from: window.since, to: window.due) } catch {
                logger.error("cannot verify action \(id): \(error)")
                verifications[id] = window
                continue
            }
            switch verdict {
            case true?:
                _ = await advance(id, .recovered, "verified", "\(action.series?.description ?? action.target) recovered within the verification window")
            case false?:
                if let failed = await advance(id, .notRecovered, "verified",
                                              "\(action.series?.description ?? action.target) did not recover; escalated") {
                    await escalate(failed)
                }
            case nil:
                _ = await advance(id, .executed, "verified", "nothing to verify: the alert has no series")
            }
        }
    }

    /// Resumes the verifications of actions executed before a restart, then checks due ones every few seconds.
    public func run() async throws {
        if let executed = try? await store.actions(limit: 1_000).filter({ $0.status == .executed }) {
            for action in executed where verifications[action.id] == nil {
                let window = planner.policies.first { $0.name == action.policy }?.verifyWithin ?? 600
                verifications[action.id] = (action.updated.addingTimeInterval(window), action.updated)
            }
        }
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            await verifyDue(at: now())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(2)) }
        }
    }

    private func save(_ record: ActionRecord, event: String) async -> ActionRecord? {
        do {
            let saved = try await store.createAction(record, event: event)
            onStep(saved)
            return saved
        } catch {
            logger.error("cannot record remediation of \(record.target): \(error)")
            return nil
        }
    }

    private func advance(_ id: Int64, _ status: ActionRecord.Status, _ event: String, _ detail: String) async -> ActionRecord? {
        do {
            let advanced = try await store.advanceAction(id, to: status, event: event, detail: detail, at: now())
            if let advanced { onStep(advanced) }
            return advanced
        } catch {
            logger.error("cannot record step \(event) of action \(id): \(error)")
            return nil
        }
    }

    /// The configuration name of an action.
    static func kind(_ action: RemediationPolicy.Action) -> String {
        switch action {
        case .rebootInstance: "reboot_instance"
        case .webhook: "webhook"
        case .command: "command"
        }
    }
}
