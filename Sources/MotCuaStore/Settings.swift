import MotCuaCore

extension Store {
    /// A setting's value as stored, or its default.
    public func settingValue(_ key: SettingKey) throws(StoreError) -> String {
        try setting(key.rawValue) ?? SettingDefinition.of(key).defaultValue
    }

    /// Stores settings already validated by the rules, all in one transaction: all or none.
    public func storeSettings(_ values: [(key: SettingKey, value: String)]) throws(StoreError) {
        try write {
            for (key, value) in values {
                try db.run(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    key.rawValue, value)
            }
        }
    }
}
