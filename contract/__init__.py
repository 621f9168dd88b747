"""The contract between a station and its district server: value rules (ID numbers, money,
enumerations, receipt verification codes) and the month summary. Both `desktop` and `server`
import this package; it imports neither, and no Qt."""
