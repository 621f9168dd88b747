"""StationDesk 工会服务站工作台: the station client."""

__version__ = "0.1.0"
