import MotCuaCore

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
            "caseView": { _, _, code in code.map { CaseViewScreen(code: $0) } },
            "byBody": { _, _, _ in BodyScreen() },
            AppCommand.reports.id: { context, _, _ in ReportsScreen(now: context.now) },
            AppCommand.changePassword.id: { _, _, _ in PasswordScreen(purpose: .own) },
            "adminOfficers": { context, _, _ in context.officer?.role == .administrator ? OfficersScreen() : nil },
            "adminUnit": { context, env, _ in
                context.officer?.role == .administrator ? UnitScreen(unit: (try? env.store.unitProfile()) ?? context.unit) : nil
            },
            "adminCalendar": { context, _, _ in CalendarScreen(year: context.now.date.year) },
            "adminPrinter": { context, _, _ in
                context.officer?.role == .administrator ? SettingsScreen(title: "Máy in", keys: SettingsScreen.printerKeys) : nil
            },
            "adminBackup": { context, _, _ in context.officer?.role == .administrator ? BackupScreen() : nil },
        ])
    }
}
