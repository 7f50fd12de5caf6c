#pragma once
// Each group of commands registers itself on the application; a command's callback stores its
// exit code in `result`.

#include <CLI/CLI.hpp>

#include "cli/context.hpp"

namespace dk::cli {

void add_registry_commands(CLI::App& app, Context& context, int& result);
void add_member_commands(CLI::App& app, Context& context, int& result);
void add_server_commands(CLI::App& app, Context& context, int& result);
void add_fund_commands(CLI::App& app, Context& context, int& result);
void add_engagement_commands(CLI::App& app, Context& context, int& result);

}  // namespace dk::cli
