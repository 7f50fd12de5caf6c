// doanket: wires the command line to the process; everything else lives in the libraries.
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  return dk::cli::run(argc, argv, std::cout, std::cerr);
}
