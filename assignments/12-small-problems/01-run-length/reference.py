def run_length_encode(text):
    """Return text with each run of a repeated character written as the character and its count."""
    if text == "":
        return ""
    result = ""
    current = text[0]
    count = 0
    for char in text:
        if char == current:
            count += 1
        else:
            result += current + str(count)
            current = char
            count = 1
    return result + current + str(count)
