# fails: test_longest_tie_keeps_the_first
# why: compares with >= instead of >, so of two equally long songs the later one wins
class Song:
    def __init__(self, title, artist, seconds):
        self.title = title
        self.artist = artist
        self.seconds = seconds


class Playlist:
    def __init__(self, name):
        self.name = name
        self.songs = []

    def add(self, song):
        self.songs.append(song)

    def __len__(self):
        return len(self.songs)

    def total_seconds(self):
        total = 0
        for song in self.songs:
            total += song.seconds
        return total

    def titles(self):
        return [song.title for song in self.songs]

    def longest(self):
        best = None
        for song in self.songs:
            if best is None or song.seconds >= best.seconds:
                best = song
        return best
