fn main() {
    std::process::exit(centricity::run());
}
