// Makes damaged copies of a case-study file for the command-line specification:
//   partnerqi_damage_file IN OUT flip       one byte of the payload changed
//   partnerqi_damage_file IN OUT truncate   the second half cut off
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: partnerqi_damage_file IN OUT flip|truncate\n";
        return 1;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "error: cannot open " << argv[1] << '\n';
        return 2;
    }
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (bytes.size() < 64) {
        std::cerr << "error: cannot read " << argv[1] << '\n';
        return 2;
    }
    const std::string mode = argv[3];
    if (mode == "flip") {
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x5a);
    } else if (mode == "truncate") {
        bytes.resize(bytes.size() / 2);
    } else {
        std::cerr << "error: unknown mode " << mode << '\n';
        return 1;
    }
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out ? 0 : 2;
}
