# fails: test_longest_returns_the_song_object
# why: longest() returns the song's title (a string) instead of the Song object itself
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
            if best is None or song.seconds > best.seconds:
                best = song
        return best.title if best else None
