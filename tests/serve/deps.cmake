# The API tests talk to the server with cpp-httplib's client and read answers with nlohmann::json.
set(SITREP_TEST_DEPS PkgConfig::HTTPLIB nlohmann_json::nlohmann_json fmt::fmt)
