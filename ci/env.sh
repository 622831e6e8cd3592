# Environment for every build and test run (sourced; CI's environment may not have these).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 TESTINGPLATFORM_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 \
       DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
       DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=true
# A cold restore takes 11 s with offline revocation checks, 2 min without (STACK.md).
export NUGET_CERT_REVOCATION_MODE=offline
# No build servers left running after CI.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
