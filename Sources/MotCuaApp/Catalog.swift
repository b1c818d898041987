import MotCuaCore
import MotCuaDesk

extension AppEnvironment {
    /// Whether the officer of this context may administer (the application layer reads their role and lock
    /// again): the administration screens open only for them, and every request is checked again.
    func administers(_ context: ScreenContext) -> Bool {
        desk.isAdministrator(context.officer.map { Actor(officer: $0, channel: .screen) })
    }
}

/// The screens behind the global commands and the menu. A command without an entry is shown disabled in the
/// menu and says so when its key is pressed.
extension ScreenCatalog {
    public static var standard: ScreenCatalog {
        ScreenCatalog(makers: [
            AppCommand.newCase.id: { context, env, _ in
                let catalogue = (try? env.store.procedures(on: context.now.date)) ?? []
                return ReceptionScreen(catalogue: catalogue, now: context.now)
            },
            AppCommand.search.id: { _, _, _ in SearchScreen() },
            .caseView: { _, _, code in code.map { CaseViewScreen(code: $0) } },
            .byBody: { _, _, _ in BodyScreen() },
            AppCommand.reports.id: { context, _, _ in ReportsScreen(now: context.now) },
            AppCommand.changePassword.id: { _, _, _ in PasswordScreen(purpose: .own) },
            .adminOfficers: { context, env, _ in env.administers(context) ? OfficersScreen() : nil },
            .adminUnit: { context, env, _ in
                env.administers(context) ? UnitScreen(unit: (try? env.store.unitProfile()) ?? context.unit) : nil
            },
            .adminCalendar: { context, _, _ in CalendarScreen(year: context.now.date.year) },
            .adminPrinter: { context, env, _ in
                env.administers(context) ? SettingsScreen(title: "Máy in", keys: SettingsScreen.printerKeys) : nil
            },
            .adminBackup: { context, env, _ in env.administers(context) ? BackupScreen() : nil }
        ])
    }
}
