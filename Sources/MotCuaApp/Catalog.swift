/// The screens behind the global commands and the menu. Later screens register here; a command without an
/// entry is shown disabled in the menu.
extension ScreenCatalog {
    public static var standard: ScreenCatalog { ScreenCatalog() }
}
