#pragma once
// gzip, the Content-Encoding browsers accept: the web app is stored and served in it.

#include <cstddef>
#include <string>

namespace dk::io {

// `content` gzipped at the best compression; empty if zlib fails.
std::string gzip(const std::string& content);
// `packed` unpacked, expected to be `size` bytes; empty (or shorter) if it is not valid gzip.
std::string gunzip(const std::string& packed, std::size_t size);

}  // namespace dk::io
